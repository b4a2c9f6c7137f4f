namespace Campaigns.Learning;

/// <summary>
/// Thompson sampling for batch campaigns: each arm's share of the next round is its posterior probability of being the
/// best arm (Beta–Bernoulli), mixed with an exploration floor. Shares, not per-customer draws, are what a campaign
/// stores: customers are then placed by a stable hash (<see cref="Assignment"/>), so a re-run plans the same variants.
/// </summary>
public sealed class ThompsonAllocator(ThompsonOptions options)
{
    /// <summary>Shares for the next round, in the order of <paramref name="arms"/>; they sum to 1.</summary>
    public IReadOnlyList<ArmShare> Allocate(IReadOnlyList<ArmStats> arms, Random random)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(random);
        options.Validate(arms.Count);
        var wins = new double[arms.Count];
        var draw = new double[arms.Count];
        for (var d = 0; d < options.Draws; d++)
        {
            var best = 0;
            for (var a = 0; a < arms.Count; a++)
            {
                var arm = arms[a];
                draw[a] = Sampling.Beta(random, options.PriorSuccesses + arm.Successes, options.PriorFailures + Math.Max(0, arm.Trials - arm.Successes));
                if (draw[a] > draw[best]) best = a;
            }
            wins[best]++;
        }
        var free = 1 - options.ExplorationFloor * arms.Count;
        return [.. arms.Select((arm, a) => new ArmShare(arm.Arm, options.ExplorationFloor + free * wins[a] / options.Draws))];
    }
}
