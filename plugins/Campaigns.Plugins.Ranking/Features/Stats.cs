namespace Campaigns.Plugins.Ranking.Features;

/// <summary>One customer's history as of the instant of a <see cref="History"/>.</summary>
/// <param name="Occasions">Distinct days with a purchase (any item).</param>
/// <param name="RecentOccasions">Of those, the days in the last 90 days.</param>
/// <param name="Items">Distinct items bought.</param>
/// <param name="RepeatItems">Items bought on two or more days.</param>
/// <param name="Last">Ticks of the last purchase; 0 when none.</param>
/// <param name="Quantity">Units bought (all items).</param>
internal readonly record struct CustomerStats(int Occasions, int RecentOccasions, int Items, int RepeatItems, long Last, double Quantity)
{
    public static CustomerStats[] Build(History h)
    {
        var stats = new CustomerStats[h.Log.Customers.Count];
        var recentFrom = (h.AsOf - 90 * TimeSpan.TicksPerDay) / TimeSpan.TicksPerDay;
        for (var c = 0; c < stats.Length; c++)
        {
            int repeat = 0;
            long last = 0;
            double quantity = 0;
            for (var k = h.Offsets[c]; k < h.Offsets[c + 1]; k++)
            {
                var pair = h.Pairs[k];
                if (pair.Occasions >= 2) repeat++;
                last = Math.Max(last, pair.Last);
                quantity += pair.Quantity;
            }
            stats[c] = new CustomerStats(0, 0, h.Offsets[c + 1] - h.Offsets[c], repeat, last, quantity);
        }
        // Days per customer: one pass over the log (events before the as-of instant), a set of (customer, day) keys.
        var seen = new HashSet<long>();
        var occasions = new int[stats.Length];
        var recent = new int[stats.Length];
        for (var e = 0; e < h.Log.Count; e++)
        {
            if (h.Log.Ticks[e] >= h.AsOf) continue;
            var day = h.Log.Ticks[e] / TimeSpan.TicksPerDay;
            if (!seen.Add(((long)h.Log.Customer[e] << 32) | (uint)day)) continue;
            occasions[h.Log.Customer[e]]++;
            if (day >= recentFrom) recent[h.Log.Customer[e]]++;
        }
        for (var c = 0; c < stats.Length; c++) stats[c] = stats[c] with { Occasions = occasions[c], RecentOccasions = recent[c] };
        return stats;
    }
}

/// <summary>One item's history as of the instant of a <see cref="History"/>.</summary>
/// <param name="Customers">Distinct customers who bought it.</param>
/// <param name="Recent30">Of those, the ones whose last purchase of it is in the last 30 days.</param>
/// <param name="Recent7">Of those, the ones whose last purchase of it is in the last 7 days.</param>
/// <param name="Repeaters">Customers who bought it on two or more days.</param>
/// <param name="First">Ticks of its first sale; 0 when never sold.</param>
/// <param name="Last">Ticks of its last sale; 0 when never sold.</param>
/// <param name="Quantity">Units sold.</param>
/// <param name="Lines">Order lines (events).</param>
internal readonly record struct ItemStats(int Customers, int Recent30, int Recent7, int Repeaters, long First, long Last, double Quantity, int Lines)
{
    /// <summary>Share of its customers who bought it again on another day; 0 for unsold items.</summary>
    public double RepurchaseRate => Customers == 0 ? 0 : (double)Repeaters / Customers;

    /// <summary>Units per order line; 0 for unsold items.</summary>
    public double UnitsPerLine => Lines == 0 ? 0 : Quantity / Lines;

    public static ItemStats[] Build(History h)
    {
        var stats = new ItemStats[h.Log.Items.Count];
        var from30 = h.AsOf - 30 * TimeSpan.TicksPerDay;
        var from7 = h.AsOf - 7 * TimeSpan.TicksPerDay;
        for (var k = 0; k < h.Pairs.Length; k++)
        {
            var p = h.Pairs[k];
            var s = stats[h.PairItems[k]];
            stats[h.PairItems[k]] = new ItemStats(
                s.Customers + 1,
                s.Recent30 + (p.Last >= from30 ? 1 : 0),
                s.Recent7 + (p.Last >= from7 ? 1 : 0),
                s.Repeaters + (p.Occasions >= 2 ? 1 : 0),
                s.First == 0 ? p.First : Math.Min(s.First, p.First),
                Math.Max(s.Last, p.Last),
                s.Quantity + p.Quantity,
                s.Lines + p.Events);
        }
        return stats;
    }
}
