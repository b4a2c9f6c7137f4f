using System.Globalization;
using Campaigns.Campaign;
using Campaigns.Learning;
using Campaigns.Storage;
using Microsoft.Extensions.Logging;

namespace Campaigns.Experiments;

/// <summary>
/// Computes a bandit experiment's next allocation round from the decision log: each variant's trials are its messages
/// that were sent and decided long enough ago for the reward to have arrived (a day for a click, the attribution click
/// window for a conversion), its successes those that were clicked (or have an attributed purchase). Thompson sampling
/// with the experiment's exploration floor turns them into shares, per segment when the allocation is by segment.
/// </summary>
public sealed class AllocationUpdater(IDecisionLog decisions, IAllocationStore allocations, AttributionWindows windows, TimeProvider time,
    ILogger<AllocationUpdater> logger)
{
    /// <summary>How long after the decision a click is expected to have arrived.</summary>
    public static readonly TimeSpan ClickDelay = TimeSpan.FromDays(1);

    private const int BatchSize = 5_000;

    /// <summary>How long after its decision a message's reward counts as known.</summary>
    public TimeSpan RewardDelay(AllocationDefinition allocation) => allocation.Reward == "conversion" ? windows.Click : ClickDelay;

    /// <summary>
    /// Adds the next round of each segment when the campaign allocates by Thompson sampling and its newest round is at
    /// least <c>updateEveryHours</c> old (or <paramref name="force"/>). Returns the rounds added.
    /// </summary>
    public async Task<IReadOnlyList<AllocationRound>> UpdateAsync(CompiledCampaign campaign, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Definition.Experiment is not { Allocation.IsThompson: true } experiment) return [];
        var now = time.GetUtcNow();
        var latest = await allocations.LatestAsync(experiment.Id, cancellationToken);
        if (!force && latest.Count > 0 && now - latest.Max(r => r.ComputedAt) < TimeSpan.FromHours(experiment.Allocation.UpdateEveryHours)) return [];

        var tallies = await TallyAsync(campaign.Id, experiment, now - RewardDelay(experiment.Allocation), cancellationToken);
        if (tallies.Count == 0) tallies[""] = [];
        var allocator = new ThompsonAllocator(new ThompsonOptions { ExplorationFloor = experiment.Allocation.ExplorationFloor });
        var added = new List<AllocationRound>();
        foreach (var (segment, tally) in tallies.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var arms = experiment.Variants.Select(v => tally.TryGetValue(v.Name, out var t) ? new ArmStats(v.Name, t.Trials, t.Successes) : new ArmStats(v.Name, 0, 0)).ToList();
            var number = (latest.FirstOrDefault(r => r.Segment == segment)?.Round ?? 0) + 1;
            // Seeded by experiment, segment and round: computing the same round twice (two hosts) gives the same shares.
            var seed = (int)(Assignment.Unit($"{experiment.Id}:{segment}", number.ToString(CultureInfo.InvariantCulture)) * int.MaxValue);
            var round = new AllocationRound(experiment.Id, campaign.Id, segment, number, allocator.Allocate(arms, new Random(seed)), arms, now);
            if (await allocations.AddAsync(round, cancellationToken)) added.Add(round);
        }
        logger.LogInformation("Allocation of {Experiment}: {Rounds} new round(s) {Shares}", experiment.Id, added.Count,
            string.Join("; ", added.Select(r => $"{r.Segment}#{r.Round}: " + string.Join(", ", r.Shares.Select(s => $"{s.Arm} {s.Share:P1}")))));
        return added;
    }

    private async Task<Dictionary<string, Dictionary<string, (long Trials, long Successes)>>> TallyAsync(string campaignId, ExperimentDefinition experiment,
        DateTimeOffset decidedBefore, CancellationToken ct)
    {
        var bySegment = experiment.Allocation.BySegment is not null;
        var conversion = experiment.Allocation.Reward == "conversion";
        var tallies = new Dictionary<string, Dictionary<string, (long Trials, long Successes)>>(StringComparer.Ordinal);
        await foreach (var batch in decisions.ReadAsync(campaignId, DecisionKinds.Variant, BatchSize, ct))
        {
            foreach (var outcome in batch)
            {
                var decision = outcome.Decision;
                // Holdouts never got a message; unsent messages and recent ones have no reward to learn from yet.
                if (decision.Chosen == ExperimentDefinition.Holdout || outcome.DeliveryState != "sent" || decision.At > decidedBefore) continue;
                var segment = bySegment ? decision.Features?.GetValueOrDefault(VariantAssigner.SegmentFeature) ?? "" : "";
                if (!tallies.TryGetValue(segment, out var arms)) tallies[segment] = arms = new(StringComparer.Ordinal);
                var (trials, successes) = arms.GetValueOrDefault(decision.Chosen);
                var success = conversion ? outcome.Conversions > 0 : outcome.Clicked;
                arms[decision.Chosen] = (trials + 1, successes + (success ? 1 : 0));
            }
        }
        return tallies;
    }
}
