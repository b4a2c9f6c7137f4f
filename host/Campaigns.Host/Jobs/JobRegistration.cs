using Campaigns.Campaign;
using Campaigns.Storage;
using Hangfire;

namespace Campaigns.Host.Jobs;

/// <summary>
/// On start: registers the minutely dispatch job, the hourly attribution and allocation jobs, the nightly profile recompute and the configured retraining jobs, re-registers every cron campaign and replenishment scan (in-memory storage forgets them),
/// and sends whatever became due while the host was down.
/// </summary>
internal sealed class JobRegistration(IRecurringJobManager recurring, IBackgroundJobClient jobs, ICampaignStore store, CampaignService campaigns,
    CampaignJobScheduler scheduler, RetrainingSchedule retraining, ILogger<JobRegistration> logger) : IHostedService
{
    /// <summary>The recurring job that credits purchases to messages.</summary>
    public const string AttributionJobId = "attribute-conversions";

    /// <summary>The recurring job that recomputes every customer profile.</summary>
    public const string ProfilesJobId = "compute-profiles";

    /// <summary>The recurring job that adds bandit allocation rounds (each campaign's own <c>updateEveryHours</c> decides when).</summary>
    public const string AllocationJobId = "update-allocations";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<DispatchJob>(CampaignJobScheduler.DispatchDueJobId, j => j.RunAsync(null, CancellationToken.None), Cron.Minutely());
        jobs.Enqueue<DispatchJob>(j => j.RunAsync(null, CancellationToken.None));
        recurring.AddOrUpdate<AttributionJob>(AttributionJobId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
        recurring.AddOrUpdate<ProfilesJob>(ProfilesJobId, j => j.RunAsync(CancellationToken.None), Cron.Daily(3));

        recurring.AddOrUpdate<AllocationJob>(AllocationJobId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
        foreach (var stage in retraining.Stages)
        {
            var index = stage.Index;
            recurring.AddOrUpdate<RetrainJob>(stage.JobId, j => j.RunAsync(index, CancellationToken.None), stage.Cron);
        }
        foreach (var stored in await store.ListLatestAsync(cancellationToken))
        {
            try
            {
                var campaign = await campaigns.GetCompiledAsync(stored.Id, stored.Version, cancellationToken);
                if (campaign.Schedule.Cron is not null || campaign.Definition.Trigger?.Replenishment is not null) scheduler.Schedule(campaign, sendNow: false);
            }
            catch (CampaignDefinitionException ex)
            {
                // A plugin that provided one of its stages may be gone: report, keep serving the rest.
                logger.LogError("Campaign {Campaign} v{Version} is not scheduled: {Errors}", stored.Id, stored.Version, ex.Message);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
