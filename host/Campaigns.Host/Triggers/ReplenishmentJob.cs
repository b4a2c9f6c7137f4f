using Campaigns.Campaign;
using Campaigns.Triggers;

namespace Campaigns.Host.Triggers;

/// <summary>The recurring replenishment scan of one campaign (Hangfire job: the argument is the campaign id only).</summary>
public sealed class ReplenishmentJob(CampaignService campaigns, ReplenishmentScanner scanner, TriggerProcessor processor, ILogger<ReplenishmentJob> logger)
{
    /// <summary>The recurring job id of a campaign's scan.</summary>
    public static string RecurringId(string campaignId) => "replenishment:" + campaignId;

    /// <summary>Scans the newest version of the campaign and plans the customers due.</summary>
    public async Task<TriggerResult> RunAsync(string campaignId, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.GetLatestCompiledAsync(campaignId, cancellationToken)
            ?? throw new KeyNotFoundException($"no campaign '{campaignId}'");
        if (campaign.Definition.Trigger?.Replenishment is null)
            throw new InvalidOperationException($"campaign '{campaignId}' is not a replenishment trigger");
        var due = await scanner.ScanAsync(campaign, cancellationToken);
        var result = await processor.ProcessAsync(due, cancellationToken);
        logger.LogInformation("Replenishment scan of {Campaign}: {Due} customers due; {Result}", campaignId, due.Count, result);
        return result;
    }
}
