using Campaigns.Campaign;
using Hangfire;

namespace Campaigns.Host.Jobs;

/// <summary>Turns campaign schedules and planned send slots into Hangfire jobs.</summary>
public sealed class CampaignJobScheduler(IBackgroundJobClient jobs, IRecurringJobManager recurring, TimeProvider time)
{
    /// <summary>The recurring safety net: every minute, whatever is due is sent (also after a restart with in-memory storage).</summary>
    public const string DispatchDueJobId = "dispatch-due";

    // A campaign spread over many minutes gets one job per minute up to this many; the minutely job covers the rest.
    private const int MaxSlotJobs = 1_440;

    /// <summary>Registers how a campaign runs: recurring for cron, delayed for a time, at once for now.</summary>
    public void Schedule(CompiledCampaign campaign, bool sendNow)
    {
        var schedule = campaign.Schedule;
        if (schedule.IsTrigger)
        {
            // Events plan a trigger campaign (TriggerWorker); only replenishment has a recurring scan.
            if (campaign.Definition.Trigger?.Replenishment is { } scan)
                recurring.AddOrUpdate<Triggers.ReplenishmentJob>(Triggers.ReplenishmentJob.RecurringId(campaign.Id), j => j.RunAsync(campaign.Id, CancellationToken.None), scan.ScanCron);
            return;
        }
        if (schedule.Cron is { } cron)
            recurring.AddOrUpdate<CampaignRunJob>(RecurringId(campaign.Id), j => j.RunAsync(campaign.Id, false, CancellationToken.None), cron,
                new RecurringJobOptions { TimeZone = schedule.TimeZone });
        else if (schedule.At is { } at && at > time.GetUtcNow())
            jobs.Schedule<CampaignRunJob>(j => j.RunAsync(campaign.Id, sendNow, CancellationToken.None), at);
        else
            jobs.Enqueue<CampaignRunJob>(j => j.RunAsync(campaign.Id, sendNow, CancellationToken.None));
    }

    /// <summary>One dispatch job per distinct due minute.</summary>
    public void ScheduleDispatch(string campaignId, IReadOnlyList<DateTimeOffset> slots)
    {
        var now = time.GetUtcNow();
        if (slots.Any(s => s <= now)) jobs.Enqueue<DispatchJob>(j => j.RunAsync(campaignId, CancellationToken.None));
        foreach (var slot in slots.Where(s => s > now).Take(MaxSlotJobs))
            jobs.Schedule<DispatchJob>(j => j.RunAsync(campaignId, CancellationToken.None), slot);
    }

    /// <summary>The recurring job id of a cron campaign.</summary>
    public static string RecurringId(string campaignId) => "campaign:" + campaignId;
}
