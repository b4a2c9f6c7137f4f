using Campaigns.Plugins.Recommenders.Model;

namespace Campaigns.Plugins.Ranking.Features;

/// <summary>What one (customer, item) pair did before the as-of instant.</summary>
/// <param name="Occasions">Distinct UTC days with a purchase of the item.</param>
/// <param name="Events">Purchase events (order lines).</param>
/// <param name="First">Ticks of the first purchase.</param>
/// <param name="Last">Ticks of the last purchase.</param>
/// <param name="Decayed">Σ 0.5^(age / 90 days) over the events, age from the as-of instant (on the calendar year with a seasonal age).</param>
/// <param name="LastAgeDays">Days since the last purchase; with a seasonal age, the smallest age of any purchase on the calendar year.</param>
/// <param name="Quantity">Units bought, summed over the events (each event's quantity; 1 where none is recorded).</param>
internal readonly record struct PairStats(int Occasions, int Events, long First, long Last, double Decayed, float LastAgeDays, double Quantity);

/// <summary>
/// The purchase history as of one instant (only events strictly before it): per (customer, item) pair, per customer
/// and per item, the counts the features are made of. Built once for the inner cutoff (training) and once for now
/// (serving) from the same <see cref="EventLog"/>, so both see exactly the same definitions.
/// </summary>
internal sealed class History
{
    private const double DecayHalfLifeDays = 90;
    private const double YearDays = 365.25;

    private History(EventLog log, long asOf, FeatureSettings settings) => (Log, AsOf, Settings) = (log, asOf, settings);

    public EventLog Log { get; }

    /// <summary>UTC ticks of the as-of instant.</summary>
    public long AsOf { get; }

    public FeatureSettings Settings { get; }

    /// <summary>Pairs in compressed rows: customer c's pairs are Pairs[Offsets[c]..Offsets[c+1]], items ascending.</summary>
    public int[] Offsets { get; private set; } = [];

    public int[] PairItems { get; private set; } = [];

    public PairStats[] Pairs { get; private set; } = [];

    public CustomerStats[] Customers { get; private set; } = [];

    public ItemStats[] Items { get; private set; } = [];

    public ItemMomentum[] Momentum { get; private set; } = [];

    public CustomerRhythm[] Rhythms { get; private set; } = [];

    /// <summary>Each customer's most similar customers and what they bought lately.</summary>
    public Peers Peers { get; private set; } = null!;

    /// <summary>The pair stats of customer <paramref name="customer"/> and item <paramref name="item"/>; false when never bought.</summary>
    public bool TryGetPair(int customer, int item, out PairStats stats)
    {
        stats = default;
        if (customer < 0 || item < 0) return false;
        var start = Offsets[customer];
        var at = PairItems.AsSpan(start, Offsets[customer + 1] - start).BinarySearch(item);
        if (at < 0) return false;
        stats = Pairs[start + at];
        return true;
    }

    /// <summary>The history of the events of <paramref name="log"/> before <paramref name="asOf"/>.</summary>
    public static History Build(EventLog log, long asOf, FeatureSettings? settings = null)
    {
        var history = new History(log, asOf, settings ?? FeatureSettings.Plain);
        var kept = new List<(long Key, int Event)>(log.Count);
        for (var e = 0; e < log.Count; e++)
        {
            if (log.Ticks[e] < asOf) kept.Add((((long)log.Customer[e] << 32) | (uint)log.Item[e], e));
        }
        // Sorting by (pair, event index) puts each pair's events together and in time order (the log's order).
        kept.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Event.CompareTo(b.Event));
        history.BuildPairs(kept);
        history.Customers = CustomerStats.Build(history);
        history.Items = ItemStats.Build(history);
        history.Momentum = ItemMomentum.Build(history);
        history.Rhythms = CustomerRhythm.Build(history);
        history.Peers = new Peers(history);
        return history;
    }

    private void BuildPairs(List<(long Key, int Event)> kept)
    {
        var offsets = new int[Log.Customers.Count + 1];
        var items = new List<int>();
        var pairs = new List<PairStats>();
        for (var start = 0; start < kept.Count;)
        {
            var end = start + 1;
            while (end < kept.Count && kept[end].Key == kept[start].Key) end++;
            int occasions = 0;
            var lastAge = double.MaxValue;
            long lastDay = -1;
            double decayed = 0, quantity = 0;
            for (var k = start; k < end; k++)
            {
                var ticks = Log.Ticks[kept[k].Event];
                var day = ticks / TimeSpan.TicksPerDay;
                if (day != lastDay) (occasions, lastDay) = (occasions + 1, day);
                var age = Age(AsOf - ticks);
                lastAge = Math.Min(lastAge, age);
                decayed += Math.Pow(0.5, age / DecayHalfLifeDays);
                quantity += Math.Max(0, Log.Weight[kept[k].Event]);
            }
            offsets[(int)(kept[start].Key >> 32) + 1]++;
            items.Add((int)kept[start].Key);
            pairs.Add(new PairStats(occasions, end - start, Log.Ticks[kept[start].Event], Log.Ticks[kept[end - 1].Event], decayed, (float)lastAge, quantity));
            start = end;
        }
        for (var c = 0; c < Log.Customers.Count; c++) offsets[c + 1] += offsets[c];
        (Offsets, PairItems, Pairs) = (offsets, [.. items], [.. pairs]);
    }

    // A gift shop's Christmas range sells in the autumn and rests the rest of the year: with a seasonal age a purchase
    // more than half a year old is as old as its distance to the same date a year on (last December, seen in
    // September: about 100 days, not 270), so the customer's last-season items are not ranked as long forgotten.
    private double Age(long ticks)
    {
        var days = (double)ticks / TimeSpan.TicksPerDay;
        return Settings.SeasonalAge && days > YearDays / 2 ? Math.Max(0, YearDays - days) : days;
    }
}
