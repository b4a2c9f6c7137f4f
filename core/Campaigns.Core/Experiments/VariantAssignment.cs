namespace Campaigns.Experiments;

/// <summary>
/// Where a customer landed in one planning run: a variant (or <c>holdout</c>), with the policy that placed them, the
/// probability of that placement, every alternative's probability and the coarse features used.
/// </summary>
/// <param name="Variant">The variant name, <c>holdout</c>, or null when the campaign runs no experiment.</param>
/// <param name="HoldoutReason"><c>holdout:global</c> or <c>holdout:campaign</c> for held-out customers; null otherwise.</param>
/// <param name="Policy"><c>split</c>, <c>thompson</c>, or the holdout reason.</param>
/// <param name="PolicyVersion">The allocation round (<c>0</c> = declared weights); for a holdout, <c>0</c>.</param>
/// <param name="Probability">The chance of this placement (a variant's share, or the holdout's fraction).</param>
/// <param name="Candidates">Every placement's chance under the same policy.</param>
/// <param name="Features">The segment value under per-segment allocation; null otherwise.</param>
public sealed record VariantAssignment(string? Variant, string? HoldoutReason, string Policy, string PolicyVersion, double Probability,
    IReadOnlyDictionary<string, double>? Candidates, IReadOnlyDictionary<string, string>? Features)
{
    /// <summary>Assignment of every customer of a campaign without an experiment (and outside the global control).</summary>
    public static VariantAssignment None { get; } = new(null, null, "none", "0", 1, null, null);

    /// <summary>True for held-out customers.</summary>
    public bool IsHoldout => HoldoutReason is not null;
}
