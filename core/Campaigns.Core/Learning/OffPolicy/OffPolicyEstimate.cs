namespace Campaigns.Learning.OffPolicy;

/// <summary>What a candidate policy would have earned per decision, estimated from a log, with diagnostics.</summary>
/// <param name="Policy">The candidate, described.</param>
/// <param name="Decisions">Logged decisions used.</param>
/// <param name="Logged">The logging policy's own value (mean observed reward).</param>
/// <param name="Ips">Inverse propensity scoring: unbiased when propensities are right, noisy when weights are large.</param>
/// <param name="Snips">Self-normalised IPS: divides by the sum of weights instead of n; a little biased, much steadier.</param>
/// <param name="DoublyRobust">A reward model's prediction corrected by weighted residuals: right if either part is right.</param>
/// <param name="MeanWeight">Mean of target/logging probability over the log; about 1 when the propensities are right.</param>
/// <param name="EffectiveSampleSize">(Σw)²/Σw²: how many decisions the estimate is really worth.</param>
/// <param name="Warnings">Why the estimate should not be trusted, if it should not.</param>
public sealed record OffPolicyEstimate(
    string Policy, long Decisions, Interval Logged, Interval Ips, Interval Snips, Interval DoublyRobust,
    double MeanWeight, double EffectiveSampleSize, IReadOnlyList<string> Warnings);
