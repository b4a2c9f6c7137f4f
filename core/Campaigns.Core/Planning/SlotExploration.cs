using Campaigns.Data;
using Campaigns.Learning;
using Campaigns.Learning.OffPolicy.Timing;
using Campaigns.Scheduling;
using Campaigns.Stages;

namespace Campaigns.Planning;

/// <summary>
/// ε-greedy exploration over send hours (<c>timing.exploration</c>), for timing strategies that decide
/// deterministically: a share ε of customers is sent in an hour drawn uniformly from the window's local hours (at most
/// the next 24) instead of the stage's choice, and every decision gets the propensity of its hour. Off-policy
/// evaluation of another strategy needs exactly this: a known, non-zero probability for every hour it might pick.
/// The draw is a hash of campaign, occurrence and customer (<see cref="Assignment.Unit"/>), so a re-run decides the same.
/// A stage that explores on its own (it reports a probability) is left as it is: its own probability is logged.
/// </summary>
internal sealed class SlotExploration(double share, CampaignRunInfo run, DateTimeOffset earliest, DateTimeOffset? deadline, IProfileReader? profiles)
{
    private readonly Dictionary<string, IReadOnlyList<(int Hour, DateTimeOffset At)>> _windows = new(StringComparer.Ordinal);

    /// <summary>The decision to plan with (the stage's or an explored hour, with its propensity) and what the log keeps of it.</summary>
    public (SendTimeDecision Decision, SlotChoice Choice) Apply(Customer customer, SendTimeDecision decision, string? activity)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(decision);
        var zone = CustomerZones.Find(customer.TimeZone);
        var greedy = TimeZoneInfo.ConvertTime(decision.SendAt, zone).Hour;
        if (share <= 0 || decision.Probability is not null) return (decision, new SlotChoice(greedy, null, activity));

        var window = Window(customer.TimeZone ?? "UTC", zone);
        var candidates = window.ToDictionary(w => SlotFeatures.Label(w.Hour), w => share / window.Count + (w.Hour == greedy ? 1 - share : 0), StringComparer.Ordinal);
        // A stage's hour outside the window (cut by the deadline) is still taken when not exploring.
        candidates.TryAdd(SlotFeatures.Label(greedy), 1 - share);
        var unit = Assignment.Unit($"{run.CampaignId}:{run.Occurrence}:slot", customer.Id);
        if (unit >= share)
            return (decision with { Probability = candidates[SlotFeatures.Label(greedy)] }, new SlotChoice(greedy, candidates, activity));
        var (hour, at) = window[Math.Min(window.Count - 1, (int)(unit / share * window.Count))];
        var explored = decision with { SendAt = at, Reason = $"{decision.Reason};explore", Probability = candidates[SlotFeatures.Label(hour)], Score = null };
        return (explored, new SlotChoice(hour, candidates, activity));
    }

    /// <summary>The batch's activity profiles (24 counts) by customer; empty without a profile store.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ActivityAsync(IReadOnlyList<Customer> customers, CancellationToken ct)
    {
        if (profiles is null) return new Dictionary<string, string>();
        var found = await profiles.GetManyAsync([.. customers.Select(c => c.Id)], ct);
        return found.Where(p => p.ActivityHours.Count == 24).ToDictionary(p => p.CustomerId, p => SlotFeatures.FormatActivity(p.ActivityHours), StringComparer.Ordinal);
    }

    /// <summary>The window's hours in a zone: the start itself, then each local hour, up to a day or the deadline, each hour once.</summary>
    private IReadOnlyList<(int Hour, DateTimeOffset At)> Window(string zoneId, TimeZoneInfo zone)
    {
        if (_windows.TryGetValue(zoneId, out var cached)) return cached;
        var start = TimeZoneInfo.ConvertTime(earliest, zone).DateTime;
        var hours = new List<(int, DateTimeOffset)> { (start.Hour, earliest) };
        var top = new DateTime(start.Year, start.Month, start.Day, start.Hour, 0, 0, DateTimeKind.Unspecified);
        for (var k = 1; k < 24; k++)
        {
            var local = top.AddHours(k);
            if (zone.IsInvalidTime(local)) continue;
            var at = LocalClock.ToInstant(local, zone);
            if (deadline is { } last && at > last) break;
            if (hours.TrueForAll(h => h.Item1 != local.Hour)) hours.Add((local.Hour, at));
        }
        _windows[zoneId] = hours;
        return hours;
    }
}

/// <summary>What the decision log keeps of a slot decision beyond the ledger's: the local hour, every candidate hour's propensity, the activity profile.</summary>
/// <param name="Hour">The local hour of day of the slot chosen.</param>
/// <param name="Candidates">Each candidate hour's probability; null when a stage explored on its own (only its choice's probability is known).</param>
/// <param name="Activity">The customer's 24 activity counts as logged (<see cref="SlotFeatures.FormatActivity"/>); null without a profile.</param>
internal sealed record SlotChoice(int Hour, IReadOnlyDictionary<string, double>? Candidates, string? Activity);
