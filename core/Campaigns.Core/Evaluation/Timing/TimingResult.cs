namespace Campaigns.Evaluation.Timing;

/// <summary>How well one strategy predicted the local hour of the test period's activity.</summary>
/// <param name="Strategy">The stage key, or a baseline's name.</param>
/// <param name="ExactHour">Share of test moments whose local hour was the predicted one.</param>
/// <param name="Within1h">Share within one hour of the prediction (around the clock: 23 and 0 are one apart).</param>
/// <param name="Customers">Customers evaluated.</param>
/// <param name="Events">Test moments scored.</param>
public sealed record TimingResult(string Strategy, double ExactHour, double Within1h, int Customers, int Events);
