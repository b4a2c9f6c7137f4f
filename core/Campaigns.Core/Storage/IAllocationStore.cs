using Campaigns.Learning;

namespace Campaigns.Storage;

/// <summary>
/// The allocation rounds of bandit experiments: each round is the traffic share per variant (per segment) computed
/// from the outcomes known at the time, with the arm statistics it was computed from. Planning uses the newest round.
/// </summary>
public interface IAllocationStore
{
    /// <summary>Stores a round; false when that (experiment, segment, round) exists already (another host computed it first).</summary>
    Task<bool> AddAsync(AllocationRound round, CancellationToken cancellationToken);

    /// <summary>The newest round of each segment of an experiment.</summary>
    Task<IReadOnlyList<AllocationRound>> LatestAsync(string experimentId, CancellationToken cancellationToken);

    /// <summary>Every round of an experiment, oldest first.</summary>
    Task<IReadOnlyList<AllocationRound>> ListAsync(string experimentId, CancellationToken cancellationToken);
}

/// <summary>One allocation round.</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="CampaignId">The campaign whose outcomes it was computed from.</param>
/// <param name="Segment">The segment value (<c>""</c> when the experiment is not split by segment).</param>
/// <param name="Round">1, 2, ...; round 0 is the declared weights and is never stored.</param>
/// <param name="Shares">The share of each variant, summing to 1.</param>
/// <param name="Arms">The trials and successes per variant the shares were computed from.</param>
/// <param name="ComputedAt">When.</param>
public sealed record AllocationRound(string ExperimentId, string CampaignId, string Segment, int Round, IReadOnlyList<ArmShare> Shares,
    IReadOnlyList<ArmStats> Arms, DateTimeOffset ComputedAt);
