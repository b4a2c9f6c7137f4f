namespace Campaigns.Learning.Reporting;

/// <summary>
/// A campaign experiment's results: each variant and the holdout, their differences against the control, whether there
/// is enough data yet, and the cumulative conversion rate per day of decision.
/// </summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="WindowHours">How long after a customer's decision a purchase counts as their conversion.</param>
/// <param name="Control">What the arms are compared against: <c>holdout</c>, or the first variant when there is none.</param>
/// <param name="Arms">Every arm, the control first.</param>
/// <param name="Comparisons">Every other arm against the control.</param>
/// <param name="Days">Per arm and day of decision, recipients and converters (not cumulative).</param>
public sealed record ExperimentReport(
    string CampaignId, double WindowHours, string Control, IReadOnlyList<ArmResult> Arms, IReadOnlyList<ArmComparison> Comparisons, IReadOnlyList<ArmDay> Days);

/// <summary>One arm's figures.</summary>
/// <param name="Arm">The variant name, or <c>holdout</c>.</param>
/// <param name="Recipients">Customers given this arm (variant decisions).</param>
/// <param name="Sends">Their messages the ledger shows sent (0 for the holdout).</param>
/// <param name="Opens">Sent messages opened.</param>
/// <param name="Clicks">Sent messages clicked.</param>
/// <param name="Converters">Recipients who bought within the window after their decision (same rule for every arm).</param>
/// <param name="Revenue">What those purchases were worth.</param>
/// <param name="AttributedConversions">Purchases the attribution job credited to this arm's messages (none for the holdout).</param>
/// <param name="AttributedRevenue">Their revenue.</param>
public sealed record ArmResult(string Arm, long Recipients, long Sends, long Opens, long Clicks, long Converters, decimal Revenue,
    long AttributedConversions, decimal AttributedRevenue)
{
    /// <summary>Converters per recipient.</summary>
    public double ConversionRate => Recipients == 0 ? 0 : (double)Converters / Recipients;

    /// <summary>Revenue per recipient.</summary>
    public double RevenuePerRecipient => Recipients == 0 ? 0 : (double)Revenue / Recipients;
}

/// <summary>An arm against the control, and whether the experiment can tell yet.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Against">The control.</param>
/// <param name="ConversionRate">Arm's rate minus the control's, with its 95% interval.</param>
/// <param name="RevenuePerRecipient">Arm's revenue per recipient minus the control's, with its 95% interval.</param>
/// <param name="DetectableNow">The smallest absolute change in conversion rate these arm sizes detect (80% power, 5% two-sided).</param>
/// <param name="TargetLift">The relative lift the experiment is meant to detect (for example 0.1 for +10%).</param>
/// <param name="NeededPerArm">Recipients each arm needs to detect <paramref name="TargetLift"/> at the control's rate.</param>
public sealed record ArmComparison(string Arm, string Against, Interval ConversionRate, Interval RevenuePerRecipient, double DetectableNow,
    double TargetLift, long NeededPerArm)
{
    /// <summary>Both arms have the recipients the target lift needs.</summary>
    public bool EnoughData { get; init; }

    /// <summary>
    /// The intervals treat each customer as one unit (cluster-robust), because some customers were decided in several
    /// occurrences; false when every customer was decided once, where the per-decision intervals are the same thing.
    /// </summary>
    public bool PerCustomer { get; init; }
}

/// <summary>Recipients and converters of one arm among the decisions of one UTC day.</summary>
public sealed record ArmDay(string Arm, DateOnly Day, long Recipients, long Converters);
