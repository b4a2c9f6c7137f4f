using System.Globalization;

namespace Campaigns.Learning.OffPolicy.Timing;

/// <summary>
/// A send-time strategy evaluated from slot decisions: for each logged decision it picks one of that decision's
/// candidate hours from the logged features alone (<see cref="SlotFeatures"/>), as the strategy would have for the same
/// customer in the same window. Deterministic: probability 1 for its hour, 0 for the others.
/// </summary>
public abstract class TimingCandidate : CandidatePolicy
{
    /// <summary>What <c>--candidate</c> accepts, for error messages.</summary>
    public const string Forms = "timing:fixed:H (H = 0-23), timing:most-active or timing:bayes-hour-of-week[:strength]";

    private readonly Dictionary<LoggedChoice, string?> _chosen = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<LoggedChoice, int?> _busiest = new(ReferenceEqualityComparer.Instance);

    /// <summary>The hour this strategy sends in, among <paramref name="options"/> (never empty), for a customer with <paramref name="activity"/> (null: unknown).</summary>
    protected abstract int Choose(IReadOnlyList<int> options, double[]? activity);

    /// <summary>Parses <c>timing:fixed:10</c>, <c>timing:most-active</c>, <c>timing:bayes-hour-of-week[:strength]</c>; the message lists the forms.</summary>
    public static TimingCandidate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts is ["timing", "fixed", var h] && int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour < 24)
            return new FixedHour(hour);
        if (parts is ["timing", "most-active"]) return new BusiestHour(0, "timing:most-active");
        if (parts is ["timing", "bayes-hour-of-week"]) return new BusiestHour(BusiestHour.DefaultStrength, "timing:bayes-hour-of-week");
        if (parts is ["timing", "bayes-hour-of-week", var s] && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var strength) && strength > 0)
            return new BusiestHour(strength, $"timing:bayes-hour-of-week:{s}");
        throw new ArgumentException($"unknown candidate '{text}': use {Forms}");
    }

    /// <inheritdoc />
    public override double Probability(string action, string? cell) => 0;

    /// <inheritdoc />
    public override double Probability(LoggedChoice choice, string action) => Chosen(choice) == action ? 1 : 0;

    /// <inheritdoc />
    public override IEnumerable<string> ActionsFor(LoggedChoice choice, IReadOnlyList<string> logged)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.Options ?? logged;
    }

    /// <summary>
    /// The reward model keys a slot on how far it is from the customer's own busiest hour: what decides an open far more
    /// than the hour itself, so the doubly robust estimate's model explains most of the reward and its interval narrows.
    /// </summary>
    public override string? RewardCell(LoggedChoice choice, string action)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (!_busiest.TryGetValue(choice, out var busiest))
        {
            var activity = SlotFeatures.ReadActivity(choice.Features);
            _busiest[choice] = busiest = activity is null || activity.Sum() <= 0 ? null : Array.IndexOf(activity, activity.Max());
        }
        if (busiest is null || SlotFeatures.HourOf(action) is not { } hour) return "cold";
        var distance = Math.Abs(hour - busiest.Value);
        return Math.Min(distance, 24 - distance) switch { 0 => "d0", 1 => "d1", 2 => "d2", <= 4 => "d3-4", _ => "d5+" };
    }

    private string? Chosen(LoggedChoice choice)
    {
        if (_chosen.TryGetValue(choice, out var chosen)) return chosen;
        var options = (choice.Options ?? []).Select(SlotFeatures.HourOf).OfType<int>().ToList();
        chosen = options.Count == 0 ? null : SlotFeatures.Label(Choose(options, SlotFeatures.ReadActivity(choice.Features)));
        _chosen[choice] = chosen;
        return chosen;
    }

    /// <summary><c>timing:fixed:H</c>: the first candidate at or after H o'clock, around the clock (what <c>fixed-local-time</c> does).</summary>
    private sealed class FixedHour(int hour) : TimingCandidate
    {
        public override string Describe() => $"timing:fixed:{hour}";

        protected override int Choose(IReadOnlyList<int> options, double[]? activity) => options.MinBy(o => (o - hour + 24) % 24);
    }
}
