using Campaigns.Campaign;
using Campaigns.Scheduling;

namespace Campaigns.Planning;

/// <summary>Runs the current occurrence of a stored campaign: picks the newest version, works out the occurrence, plans it.</summary>
public sealed class CampaignRunner(CampaignService campaigns, CampaignPlanner planner, TimeProvider time)
{
    /// <summary>Plans the occurrence that is current now (or <paramref name="occurrenceId"/> when given).</summary>
    /// <exception cref="KeyNotFoundException">No campaign has that id.</exception>
    /// <exception cref="InvalidOperationException">A cron campaign that has no occurrence yet, or a trigger campaign.</exception>
    public async Task<PlanResult> RunAsync(string campaignId, PlanMode mode, string? occurrenceId, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.GetLatestCompiledAsync(campaignId, cancellationToken)
            ?? throw new KeyNotFoundException($"no campaign '{campaignId}'");
        if (campaign.Schedule.IsTrigger && occurrenceId is null)
            throw new InvalidOperationException($"campaign '{campaignId}' is a trigger campaign: events plan it (see docs/triggers.md), there is no run to start");
        var now = time.GetUtcNow();
        var occurrence = occurrenceId is not null
            ? new Occurrence(occurrenceId, now)
            : campaign.Schedule.Current(now) ?? throw new InvalidOperationException($"campaign '{campaignId}' has no occurrence yet (next: {campaign.Schedule.Next(now):u})");
        return await planner.PlanAsync(campaign, occurrence, mode, cancellationToken);
    }
}
