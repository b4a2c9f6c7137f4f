using Campaigns.Campaign;
using Campaigns.Experiments;
using Campaigns.Storage;
using Hangfire;

namespace Campaigns.Host.Jobs;

/// <summary>
/// Hourly: for every campaign whose experiment allocates by Thompson sampling, adds the next allocation round once the
/// newest is <c>updateEveryHours</c> old. Two hosts running it at once store one round (the second insert is ignored).
/// </summary>
public sealed class AllocationJob(ICampaignStore store, CampaignService campaigns, AllocationUpdater updater, ILogger<AllocationJob> logger)
{
    /// <summary>Updates every bandit campaign that is due.</summary>
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Update experiment allocations")]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var rounds = 0;
        foreach (var stored in await store.ListLatestAsync(cancellationToken))
        {
            try
            {
                var campaign = await campaigns.GetCompiledAsync(stored.Id, stored.Version, cancellationToken);
                rounds += (await updater.UpdateAsync(campaign, force: false, cancellationToken)).Count;
            }
            catch (CampaignDefinitionException ex)
            {
                // A campaign whose plugin is gone cannot be planned either; the others still learn.
                logger.LogError("Allocation of {Campaign} v{Version} not updated: {Errors}", stored.Id, stored.Version, ex.Message);
            }
        }
        return $"added {rounds} allocation rounds";
    }
}
