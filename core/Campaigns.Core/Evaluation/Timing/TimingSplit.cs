using Campaigns.Data;

namespace Campaigns.Evaluation.Timing;

/// <summary>One moment of activity of a customer in the test period, with its local date and hour.</summary>
internal readonly record struct TestMoment(string CustomerId, DateTime LocalDate, int Hour);

/// <summary>
/// The protocol of <c>evaluate-timing</c>: a customer's events at one instant are one moment (one invoice of the Online
/// Retail file is one moment, however many lines); moments before the split train, the others are predicted.
/// Customers with at least <c>minHistory</c> training moments and one test moment are evaluated.
/// </summary>
internal sealed class TimingSplit
{
    public TimingSplit(TimingData data, DateTimeOffset splitAt, int minHistory)
    {
        Train = [.. data.Events.Where(e => e.OccurredAt < splitAt)];
        ZoneOf = id => Scheduling.CustomerZones.Find(data.Customers.GetValueOrDefault(id)?.TimeZone);
        var zones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        TimeZoneInfo Zone(string id) => zones.TryGetValue(id, out var z) ? z : zones[id] = ZoneOf(id);

        var moments = data.Events.Select(e => (e.CustomerId, e.OccurredAt)).Distinct().ToList();
        TrainHours = moments.Where(m => m.OccurredAt < splitAt)
            .GroupBy(m => m.CustomerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => TimeZoneInfo.ConvertTime(m.OccurredAt, Zone(m.CustomerId)).Hour).ToArray(), StringComparer.Ordinal);
        var test = new List<TestMoment>();
        foreach (var (customerId, at) in moments)
        {
            if (at < splitAt || !TrainHours.TryGetValue(customerId, out var hours) || hours.Length < minHistory) continue;
            var local = TimeZoneInfo.ConvertTime(at, Zone(customerId)).DateTime;
            test.Add(new TestMoment(customerId, local.Date, local.Hour));
        }
        Test = [.. test.OrderBy(t => t.CustomerId, StringComparer.Ordinal).ThenBy(t => t.LocalDate).ThenBy(t => t.Hour)];
        Customers = Test.Select(t => t.CustomerId).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>The training events, as the stages read them.</summary>
    public IReadOnlyList<Interaction> Train { get; }

    /// <summary>Each customer's training moments as local hours.</summary>
    public IReadOnlyDictionary<string, int[]> TrainHours { get; }

    /// <summary>The moments to predict, of evaluated customers only.</summary>
    public IReadOnlyList<TestMoment> Test { get; }

    /// <summary>Customers evaluated.</summary>
    public int Customers { get; }

    /// <summary>A customer's zone.</summary>
    public Func<string, TimeZoneInfo> ZoneOf { get; }
}
