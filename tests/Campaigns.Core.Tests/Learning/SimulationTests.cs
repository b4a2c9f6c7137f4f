using Campaigns.Learning;
using Campaigns.Learning.Simulation;

namespace Campaigns.Core.Tests.Learning;

/// <summary>
/// The proof on synthetic customers whose preferences are known: the bandit learns, an A/A test is rarely significant,
/// and the lift interval against the holdout holds the true lift as often as it says. Fixed seeds, no timing.
/// </summary>
public sealed class SimulationTests
{
    private static readonly string[] Variants = ["a", "b", "c"];

    [Fact]
    public void The_bandit_beats_an_even_split_and_comes_within_ten_percent_of_the_best_fixed_variant()
    {
        var shop = new SyntheticShop(5_000, Variants, seed: 42);
        var result = new BanditSimulation(shop, new ThompsonOptions { ExplorationFloor = 0.05 }, holdoutShare: 0.1).Run(rounds: 30, seed: 42);

        var last = result.Rounds[^1];
        Assert.True(last.Bandit > last.Uniform, $"bandit {last.Bandit} vs uniform {last.Uniform}");
        Assert.True(last.Bandit >= 0.9 * last.BestFixed, $"bandit {last.Bandit} vs best fixed {last.BestFixed}");
        // By the end most traffic goes to the truly best variant; the others keep the exploration floor.
        var finalShares = last.Shares.ToDictionary(s => s.Arm, s => s.Share);
        Assert.True(finalShares[result.BestVariant] > 0.8, $"best variant {result.BestVariant} got {finalShares[result.BestVariant]}");
        Assert.All(last.Shares, s => Assert.True(s.Share >= 0.05 - 1e-12));
        Assert.True(result.MeasuredLift.ExcludesZero && result.MeasuredLift.Estimate > 0, $"lift {result.MeasuredLift}");
    }

    [Fact]
    public void An_aa_test_finds_a_significant_difference_in_about_five_percent_of_repetitions()
    {
        var shop = new SyntheticShop(2_000, Variants, seed: 5);

        var aa = new RepeatedExperimentRunner(shop).AaTest(repetitions: 1_000, variant: 0, seed: 5);

        Assert.InRange(1 - aa.Rate, 0.03, 0.07);
    }

    [Fact]
    public void The_lift_interval_against_the_holdout_holds_the_true_lift_in_about_95_percent_of_repetitions()
    {
        var shop = new SyntheticShop(2_000, Variants, seed: 9);

        var coverage = new RepeatedExperimentRunner(shop).LiftCoverage(repetitions: 1_000, variant: 1, holdoutShare: 0.2, seed: 9);

        Assert.InRange(coverage.Rate, 0.92, 0.98);
        Assert.True(coverage.TrueValue > 0);
        Assert.InRange(coverage.MeanMeasured, coverage.TrueValue * 0.9, coverage.TrueValue * 1.1);
    }

    [Fact]
    public void The_same_seed_gives_the_same_simulation()
    {
        var first = new BanditSimulation(new SyntheticShop(500, Variants, 1), new ThompsonOptions(), 0.1).Run(5, 1);
        var second = new BanditSimulation(new SyntheticShop(500, Variants, 1), new ThompsonOptions(), 0.1).Run(5, 1);

        Assert.Equal(first.Rounds.Select(r => (r.Bandit, r.BestFixed, r.Uniform)), second.Rounds.Select(r => (r.Bandit, r.BestFixed, r.Uniform)));
    }
}
