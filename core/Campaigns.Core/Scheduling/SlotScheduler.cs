using Campaigns.Campaign;

namespace Campaigns.Scheduling;

/// <summary>
/// Places one message at the best feasible slot: the timing strategy's slots in its order first, then the first instant
/// forward from its choice that is outside quiet hours, inside the campaign's window and under every frequency cap of
/// the channel kind in the customer's local calendar; all before the deadline, else as <see cref="InfeasiblePolicy"/> says.
/// </summary>
public sealed class SlotScheduler
{
    // Each step jumps to the next boundary (end of quiet hours, window start, next day or week), so a few dozen
    // steps cover weeks; the bound only guards against a constraint set that can never be met.
    private const int MaxSteps = 400;
    private readonly DeliveryDefinition _delivery;
    private readonly string _kind;

    /// <summary>The constraints of one campaign on one channel kind under the host's policy.</summary>
    public SlotScheduler(DeliveryDefinition delivery, DeliveryPolicy policy, string channelKind)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(policy);
        _delivery = delivery;
        _kind = channelKind;
        QuietHours = delivery.InheritQuietHours ? policy.QuietHours : delivery.QuietHours;
        Caps = delivery.IgnoreFrequencyCaps ? [] : policy.CapsFor(channelKind);
        CountsContacts = policy.CapsFor(channelKind).Count > 0;
    }

    /// <summary>The quiet hours in force.</summary>
    public LocalTimeRange? QuietHours { get; }

    /// <summary>The caps this campaign must respect.</summary>
    public IReadOnlyList<FrequencyCap> Caps { get; }

    /// <summary>True when the channel kind has caps, so placement needs the customers' contact history (even a campaign that ignores the caps counts towards them).</summary>
    public bool CountsContacts { get; }

    /// <summary>The deadline of an occurrence whose sends start at <paramref name="earliest"/>, if the campaign has one.</summary>
    public DateTimeOffset? Deadline(DateTimeOffset earliest) => _delivery.DeadlineHours is { } hours ? earliest.AddHours(hours) : null;

    /// <summary>The last instant any placement may use (for reading contact history).</summary>
    public DateTimeOffset Horizon(DateTimeOffset earliest) => (Deadline(earliest) ?? earliest).AddDays(_delivery.DeferDays);

    /// <summary>Places a message for <paramref name="customerId"/>; <paramref name="ranked"/> is the strategy's slot and alternatives, best first.</summary>
    public Placement Place(string customerId, TimeZoneInfo zone, IReadOnlyList<DateTimeOffset> ranked, DateTimeOffset earliest, ContactHistory? history)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        var refused = new SortedSet<string>(StringComparer.Ordinal);
        var deadline = Deadline(earliest);
        var limit = deadline ?? earliest.AddDays(_delivery.DeferDays);
        for (var i = 0; i < ranked.Count; i++)
        {
            var slot = ranked[i] < earliest ? earliest : ranked[i];
            if (slot > limit) { refused.Add("deadline"); continue; }
            if (Refusal(customerId, slot, zone, history) is { } why) { refused.Add(why.Code); continue; }
            return Placed(customerId, slot, zone, history, i == 0 ? null : Code("moved", refused), i);
        }
        var start = ranked.Count > 0 && ranked[0] > earliest ? ranked[0] : earliest;
        if (start <= limit && Search(customerId, start, limit, zone, history, refused) is { } found)
            return Placed(customerId, found, zone, history, Code("moved", refused), -1);
        if (deadline is { } d && _delivery.WhenInfeasible == InfeasiblePolicy.Defer && _delivery.DeferDays > 0)
        {
            refused.Add("deadline");
            if (Search(customerId, start > d ? start : d, d.AddDays(_delivery.DeferDays), zone, history, refused) is { } late)
                return Placed(customerId, late, zone, history, Code("deferred", refused), -1);
        }
        return new Placement(null, Code("infeasible", refused), -1);
    }

    private Placement Placed(string customerId, DateTimeOffset slot, TimeZoneInfo zone, ContactHistory? history, string? code, int choice)
    {
        history?.Add(customerId, LocalClock.DayOf(slot, zone));
        return new Placement(slot, code, choice);
    }

    private DateTimeOffset? Search(string customerId, DateTimeOffset from, DateTimeOffset limit, TimeZoneInfo zone, ContactHistory? history, SortedSet<string> refused)
    {
        var slot = from;
        for (var step = 0; step < MaxSteps && slot <= limit; step++)
        {
            if (Refusal(customerId, slot, zone, history) is not { } why) return slot;
            refused.Add(why.Code);
            slot = why.NextTry;
        }
        return null;
    }

    /// <summary>Why <paramref name="slot"/> is not allowed and the first instant worth trying next; null when it is allowed.</summary>
    private (string Code, DateTimeOffset NextTry)? Refusal(string customerId, DateTimeOffset slot, TimeZoneInfo zone, ContactHistory? history)
    {
        var time = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(slot, zone).DateTime);
        if (QuietHours is { } quiet && quiet.Contains(time)) return ("quiet-hours", LocalClock.Next(slot, quiet.To, zone));
        if (_delivery.Window is { } window && !window.Contains(time)) return ("outside-window", LocalClock.Next(slot, window.From, zone));
        if (history is null || Caps.Count == 0) return null;
        var day = LocalClock.DayOf(slot, zone);
        foreach (var cap in Caps)
        {
            if (history.In(cap, customerId, day) < cap.Count) continue;
            var next = cap.Per == CapPeriod.Day ? day + 1 : LocalClock.WeekStart(day) + 7;
            return (cap.Code(_kind), LocalClock.StartOfDay(next, zone));
        }
        return null;
    }

    private static string? Code(string prefix, SortedSet<string> refused) =>
        refused.Count == 0 ? null : prefix + ":" + string.Join('+', refused);
}
