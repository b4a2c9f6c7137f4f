using Campaigns.Planning;
using Hangfire;

namespace Campaigns.Host.Jobs;

/// <summary>Plans the current occurrence of a campaign, then schedules one dispatch job per due minute (never one per recipient).</summary>
public sealed class CampaignRunJob(CampaignRunner runner, CampaignJobScheduler scheduler)
{
    /// <summary>Runs the campaign; <paramref name="sendNow"/> sends everything at once instead of at each customer's time.</summary>
    [AutomaticRetry(Attempts = 2)]
    [JobDisplayName("Run campaign {0}")]
    public async Task<string> RunAsync(string campaignId, bool sendNow, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(campaignId, sendNow ? PlanMode.SendNow : PlanMode.Scheduled, null, cancellationToken);
        scheduler.ScheduleDispatch(campaignId, result.SendSlots);
        var suppressed = string.Join(", ", result.Suppressed.Select(kv => $"{kv.Key} {kv.Value}"));
        return $"occurrence {result.Occurrence}: audience {result.Audience}, planned {result.Planned}, already in ledger {result.AlreadyInLedger}, " +
               $"suppressed {result.Suppressed.Values.Sum()} ({suppressed}), failed {result.Failed}, {result.SendSlots.Count} send slots";
    }
}
