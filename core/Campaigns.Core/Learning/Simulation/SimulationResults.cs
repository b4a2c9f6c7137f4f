namespace Campaigns.Learning.Simulation;

/// <summary>One round of the bandit simulation: cumulative conversions of each way to split traffic, and the bandit's shares that round.</summary>
/// <param name="Round">1-based.</param>
/// <param name="Bandit">Cumulative conversions of treated customers under Thompson sampling.</param>
/// <param name="BestFixed">Under always sending the truly best variant (an oracle no marketer has).</param>
/// <param name="Uniform">Under an even split.</param>
/// <param name="Shares">The bandit's shares used in this round.</param>
public sealed record SimulatedRound(int Round, long Bandit, long BestFixed, long Uniform, IReadOnlyList<ArmShare> Shares);

/// <summary>What a bandit simulation found.</summary>
/// <param name="Rounds">Per round, cumulative conversions.</param>
/// <param name="BestVariant">The variant with the highest true rate.</param>
/// <param name="TrueRates">Each variant's true conversion rate, and the holdout's (key <c>holdout</c>).</param>
/// <param name="MeasuredLift">The bandit's treated conversion rate minus the holdout's, with its 95% interval.</param>
/// <param name="TrueLift">The lift the simulation really caused on the bandit's treated customers.</param>
public sealed record BanditSimulationResult(
    IReadOnlyList<SimulatedRound> Rounds, string BestVariant, IReadOnlyDictionary<string, double> TrueRates, Interval MeasuredLift, double TrueLift);

/// <summary>How often repeated experiments got the answer a correct test should.</summary>
/// <param name="Repetitions">Experiments run.</param>
/// <param name="Hits">A/A: repetitions that found no significant difference. Lift: repetitions whose interval held the true lift.</param>
/// <param name="TrueValue">The truth (0 for A/A, the true lift otherwise).</param>
/// <param name="MeanMeasured">The mean measured difference.</param>
public sealed record RepeatedExperiments(int Repetitions, int Hits, double TrueValue, double MeanMeasured)
{
    /// <summary>The share of repetitions that were hits.</summary>
    public double Rate => Repetitions == 0 ? 0 : (double)Hits / Repetitions;
}
