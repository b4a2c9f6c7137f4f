namespace Campaigns.Learning.Simulation;

/// <summary>
/// Runs the same experiment many times on one <see cref="SyntheticShop"/> with fresh assignments and outcomes, to check
/// the report's statistics say what they claim: an A/A test is significant about 5% of the time, and a 95% lift
/// interval holds the true lift about 95% of the time.
/// </summary>
public sealed class RepeatedExperimentRunner(SyntheticShop shop)
{
    /// <summary>Two identical copies of <paramref name="variant"/>, split evenly; hits are repetitions with no significant difference.</summary>
    public RepeatedExperiments AaTest(int repetitions, int variant, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        var arms = new[] { new ArmShare("A", 0.5), new ArmShare("A'", 0.5) };
        var random = new Random(seed);
        int hits = 0;
        var measured = 0.0;
        for (var rep = 0; rep < repetitions; rep++)
        {
            long nA = 0, cA = 0, nB = 0, cB = 0;
            for (var c = 0; c < shop.CustomerIds.Count; c++)
            {
                var converted = random.NextDouble() < shop.Converts(c, variant) ? 1 : 0;
                if (Assignment.Pick(arms, Assignment.Unit($"aa-{rep}", shop.CustomerIds[c])) == "A") { nA++; cA += converted; }
                else { nB++; cB += converted; }
            }
            var difference = Compare.DifferenceOfProportions(cA, nA, cB, nB);
            measured += difference.Estimate;
            if (!difference.ExcludesZero) hits++;
        }
        return new RepeatedExperiments(repetitions, hits, 0, measured / repetitions);
    }

    /// <summary><paramref name="variant"/> against a holdout of <paramref name="holdoutShare"/>; hits are repetitions whose interval holds the true lift.</summary>
    public RepeatedExperiments LiftCoverage(int repetitions, int variant, double holdoutShare, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        var truth = shop.TrueRate(variant) - shop.TrueOrganicRate();
        var random = new Random(seed);
        int hits = 0;
        var measured = 0.0;
        for (var rep = 0; rep < repetitions; rep++)
        {
            long nH = 0, cH = 0, nT = 0, cT = 0;
            for (var c = 0; c < shop.CustomerIds.Count; c++)
            {
                var draw = random.NextDouble();
                if (Assignment.Unit($"lift-{rep}", shop.CustomerIds[c]) < holdoutShare) { nH++; cH += draw < shop.Organic(c) ? 1 : 0; }
                else { nT++; cT += draw < shop.Converts(c, variant) ? 1 : 0; }
            }
            var lift = Compare.DifferenceOfProportions(cH, nH, cT, nT);
            measured += lift.Estimate;
            if (lift.Contains(truth)) hits++;
        }
        return new RepeatedExperiments(repetitions, hits, truth, measured / repetitions);
    }
}
