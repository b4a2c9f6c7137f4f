namespace Campaigns.Learning.Reporting;

/// <summary>
/// Adds up an experiment one recipient at a time, per arm and per day of decision, so a report over a million
/// recipients holds a few counters per arm and day, never the rows.
/// </summary>
public sealed class ExperimentTally
{
    /// <summary>The arm name the planner logs for customers held out of the campaign.</summary>
    public const string Holdout = "holdout";

    private readonly Dictionary<string, Arm> _arms = new(StringComparer.Ordinal);
    private readonly SortedDictionary<(string, DateOnly), (long Recipients, long Converters)> _days = [];

    /// <summary>Recipients added so far.</summary>
    public long Recipients { get; private set; }

    /// <summary>Adds one recipient's decision and what followed it.</summary>
    public void Add(RecipientOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!_arms.TryGetValue(outcome.Arm, out var arm)) _arms[outcome.Arm] = arm = new Arm(_arms.Count);
        Recipients++;
        arm.Recipients++;
        if (outcome.Sent) arm.Sends++;
        if (outcome.Opened) arm.Opens++;
        if (outcome.Clicked) arm.Clicks++;
        var converted = outcome.Purchases > 0;
        if (converted) arm.Converters++;
        arm.Revenue += outcome.Revenue;
        arm.RevenuePerRecipient.Add((double)outcome.Revenue);
        if (outcome.CustomerId is { } customer)
        {
            arm.ConversionByCustomer.Add(customer, converted ? 1 : 0);
            arm.RevenueByCustomer.Add(customer, (double)outcome.Revenue);
        }
        arm.AttributedConversions += outcome.AttributedConversions;
        arm.AttributedRevenue += outcome.AttributedRevenue;
        var key = (outcome.Arm, DateOnly.FromDateTime(outcome.DecidedAt.UtcDateTime));
        var day = _days.GetValueOrDefault(key);
        _days[key] = (day.Recipients + 1, day.Converters + (converted ? 1 : 0));
    }

    /// <summary>The report: the holdout is the control when there is one, else the first variant logged.</summary>
    public ExperimentReport Build(string campaignId, TimeSpan window, double targetLift)
    {
        if (targetLift <= 0) throw new ArgumentOutOfRangeException(nameof(targetLift), "the lift to detect must be positive");
        var ordered = _arms.OrderBy(kv => kv.Key == Holdout ? -1 : kv.Value.Order).ToList();
        var results = ordered.Select(kv => kv.Value.Result(kv.Key)).ToList();
        var comparisons = new List<ArmComparison>();
        if (ordered.Count > 0)
        {
            var (controlName, control) = (ordered[0].Key, ordered[0].Value);
            var baseRate = control.Recipients == 0 ? 0 : (double)control.Converters / control.Recipients;
            // A base rate of zero gives no scale for a relative lift: fall back to detecting one conversion in a thousand.
            var effect = Math.Max(baseRate * targetLift, 0.001);
            var needed = Compare.SampleSizePerArm(baseRate, effect);
            foreach (var (name, arm) in ordered.Skip(1))
            {
                // Customers who recur across occurrences (same arm each time: assignment is a hash of the customer) are
                // correlated units: their decisions are not independent, so the intervals are then per customer.
                var clustered = control.Identified && arm.Identified && (control.Recurs || arm.Recurs);
                comparisons.Add(new ArmComparison(name, controlName,
                    clustered
                        ? Compare.DifferenceOfClusteredMeans(control.ConversionByCustomer, arm.ConversionByCustomer)
                        : Compare.DifferenceOfProportions(control.Converters, control.Recipients, arm.Converters, arm.Recipients),
                    clustered
                        ? Compare.DifferenceOfClusteredMeans(control.RevenueByCustomer, arm.RevenueByCustomer)
                        : Compare.DifferenceOfMeans(control.RevenuePerRecipient, arm.RevenuePerRecipient),
                    Compare.MinimumDetectableEffect(baseRate, control.Recipients, arm.Recipients), targetLift, needed)
                { EnoughData = control.Recipients >= needed && arm.Recipients >= needed, PerCustomer = clustered });
            }
        }
        return new ExperimentReport(campaignId, window.TotalHours, ordered.Count > 0 ? ordered[0].Key : Holdout, results, comparisons,
            [.. _days.Select(kv => new ArmDay(kv.Key.Item1, kv.Key.Item2, kv.Value.Recipients, kv.Value.Converters))]);
    }

    private sealed class Arm(int order)
    {
        public int Order { get; } = order;
        public long Recipients, Sends, Opens, Clicks, Converters, AttributedConversions;
        public decimal Revenue, AttributedRevenue;
        public Moments RevenuePerRecipient { get; } = new();
        public ClusteredMean ConversionByCustomer { get; } = new();
        public ClusteredMean RevenueByCustomer { get; } = new();

        /// <summary>Every recipient came with a customer id.</summary>
        public bool Identified => ConversionByCustomer.Count == Recipients;

        /// <summary>Some customer was decided more than once (a recurring campaign).</summary>
        public bool Recurs => ConversionByCustomer.Clusters < ConversionByCustomer.Count;

        public ArmResult Result(string name) => new(name, Recipients, Sends, Opens, Clicks, Converters, Revenue, AttributedConversions, AttributedRevenue);
    }
}

/// <summary>One recipient as the report counts them.</summary>
/// <param name="Arm">The variant (or holdout) they were given.</param>
/// <param name="DecidedAt">When; the window and the day of the chart start here.</param>
/// <param name="Sent">The ledger shows their message sent.</param>
/// <param name="Opened">It was opened.</param>
/// <param name="Clicked">It was clicked.</param>
/// <param name="Purchases">Their purchases within the window, attributed or not.</param>
/// <param name="Revenue">Those purchases' revenue.</param>
/// <param name="AttributedConversions">Purchases credited to their message.</param>
/// <param name="AttributedRevenue">Their revenue.</param>
public sealed record RecipientOutcome(string Arm, DateTimeOffset DecidedAt, bool Sent, bool Opened, bool Clicked, int Purchases, decimal Revenue,
    int AttributedConversions, decimal AttributedRevenue)
{
    /// <summary>The customer (possibly a hashed id): with it, a customer decided in several occurrences counts as one unit in the intervals.</summary>
    public string? CustomerId { get; init; }
}
