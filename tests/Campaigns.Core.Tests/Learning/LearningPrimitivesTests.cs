using Campaigns.Learning;

namespace Campaigns.Core.Tests.Learning;

public sealed class LearningPrimitivesTests
{
    [Theory]
    [InlineData(0.975, 1.959964)]
    [InlineData(0.8, 0.841621)]
    [InlineData(0.01, -2.326348)]
    public void TheNormalQuantileMatchesTables(double p, double expected) =>
        Assert.Equal(expected, Normal.Quantile(p), 5);

    [Fact]
    public void TheClearlyBetterArmGetsAlmostAllTrafficAndTheOthersKeepTheFloor()
    {
        var allocator = new ThompsonAllocator(new ThompsonOptions { ExplorationFloor = 0.05 });
        var shares = allocator.Allocate([new ArmStats("a", 2_000, 100), new ArmStats("b", 2_000, 160), new ArmStats("c", 2_000, 90)], new Random(1));

        Assert.Equal(1.0, shares.Sum(s => s.Share), 9);
        Assert.True(shares[1].Share > 0.85, $"b got {shares[1].Share}");
        Assert.All(shares, s => Assert.True(s.Share >= 0.05));
    }

    [Fact]
    public void WithNoDataTheArmsShareEvenly()
    {
        var shares = new ThompsonAllocator(new ThompsonOptions()).Allocate([new ArmStats("a", 0, 0), new ArmStats("b", 0, 0)], new Random(3));

        Assert.All(shares, s => Assert.InRange(s.Share, 0.46, 0.54));
    }

    [Fact]
    public void AFloorThatCannotHoldIsRefused() =>
        Assert.Throws<ArgumentException>(() => new ThompsonAllocator(new ThompsonOptions { ExplorationFloor = 0.4 })
            .Allocate([new ArmStats("a", 0, 0), new ArmStats("b", 0, 0), new ArmStats("c", 0, 0)], new Random(1)));

    [Fact]
    public void AssignmentIsStableAndFollowsTheShares()
    {
        ArmShare[] shares = [new("a", 0.2), new("b", 0.8)];
        var picks = Enumerable.Range(0, 20_000).Select(i => Assignment.Pick(shares, Assignment.Unit("exp-1", $"c{i}"))).ToList();

        Assert.Equal(picks, Enumerable.Range(0, 20_000).Select(i => Assignment.Pick(shares, Assignment.Unit("exp-1", $"c{i}"))));
        Assert.InRange(picks.Count(p => p == "a") / 20_000.0, 0.19, 0.21);
        // Another experiment shuffles customers independently.
        var other = Enumerable.Range(0, 20_000).Select(i => Assignment.Pick(shares, Assignment.Unit("exp-2", $"c{i}"))).ToList();
        Assert.InRange(picks.Zip(other).Count(p => p.First == "a" && p.Second == "a") / 20_000.0, 0.03, 0.05);
    }

    [Fact]
    public void TheIntervalOfADifferenceCoversTheTruthAboutNinetyFivePercentOfTheTime()
    {
        var random = new Random(7);
        var covered = 0;
        for (var run = 0; run < 1_000; run++)
        {
            var a = Enumerable.Range(0, 2_000).Count(_ => random.NextDouble() < 0.10);
            var b = Enumerable.Range(0, 2_000).Count(_ => random.NextDouble() < 0.12);
            if (Compare.DifferenceOfProportions(a, 2_000, b, 2_000).Contains(0.02)) covered++;
        }
        Assert.InRange(covered, 930, 970);
    }

    [Fact]
    public void TheSampleSizeMatchesTheTextbookFigure() =>
        // 10% → 12%, α = 0.05 two-sided, power 0.8: about 3,841 per arm (Fleiss without continuity correction).
        Assert.InRange(Compare.SampleSizePerArm(0.10, 0.02), 3_800, 3_880);

    [Fact]
    public void MomentsMatchTheTwoPassFormulas()
    {
        var m = new Moments();
        double[] values = [1, 2, 4, 8, 16];
        foreach (var v in values) m.Add(v);
        Assert.Equal(6.2, m.Mean, 9);
        Assert.Equal(values.Sum(v => (v - 6.2) * (v - 6.2)) / 4, m.Variance, 9);
    }
}
