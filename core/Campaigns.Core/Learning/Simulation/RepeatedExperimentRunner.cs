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
        var arms = new[] { new ArmShare("A", 0.5), new ArmShare("A'", 0.5) };
        return Repeat(repetitions, seed, 0, difference => !difference.ExcludesZero, (rep, c, draw) =>
            (Assignment.Pick(arms, Assignment.Unit($"aa-{rep}", shop.CustomerIds[c])) == "A", draw < shop.Converts(c, variant)));
    }

    /// <summary><paramref name="variant"/> against a holdout of <paramref name="holdoutShare"/>; hits are repetitions whose interval holds the true lift.</summary>
    public RepeatedExperiments LiftCoverage(int repetitions, int variant, double holdoutShare, int seed)
    {
        var truth = shop.TrueRate(variant) - shop.TrueOrganicRate();
        return Repeat(repetitions, seed, truth, lift => lift.Contains(truth), (rep, c, draw) =>
            Assignment.Unit($"lift-{rep}", shop.CustomerIds[c]) < holdoutShare ? (true, draw < shop.Organic(c)) : (false, draw < shop.Converts(c, variant)));
    }

    /// <summary>Each repetition places every customer (control or not, converted or not, from a fresh draw) and compares the two groups.</summary>
    private RepeatedExperiments Repeat(int repetitions, int seed, double truth, Func<Interval, bool> isHit, Func<int, int, double, (bool Control, bool Converted)> place)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        var random = new Random(seed);
        var (hits, measured) = (0, 0.0);
        for (var rep = 0; rep < repetitions; rep++)
        {
            long nControl = 0, cControl = 0, nOther = 0, cOther = 0;
            for (var c = 0; c < shop.CustomerIds.Count; c++)
            {
                var (control, converted) = place(rep, c, random.NextDouble());
                if (control) { nControl++; cControl += converted ? 1 : 0; }
                else { nOther++; cOther += converted ? 1 : 0; }
            }
            var difference = Compare.DifferenceOfProportions(cControl, nControl, cOther, nOther);
            measured += difference.Estimate;
            if (isHit(difference)) hits++;
        }
        return new RepeatedExperiments(repetitions, hits, truth, measured / repetitions);
    }
}
