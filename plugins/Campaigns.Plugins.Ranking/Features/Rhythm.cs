namespace Campaigns.Plugins.Ranking.Features;

/// <summary>
/// One customer's buying rhythm as of the instant of a <see cref="History"/>: whether an order is due, whether they
/// buy in the autumn, how big their orders are. Purchase days are UTC calendar days with at least one order line.
/// </summary>
/// <param name="MedianGapDays">Median days between consecutive purchase days; 0 with fewer than two.</param>
/// <param name="AutumnShare">Share of their purchase days in September to December; 0 with none.</param>
/// <param name="LinesPerDay">Order lines per purchase day; 0 with none.</param>
internal readonly record struct CustomerRhythm(double MedianGapDays, double AutumnShare, double LinesPerDay)
{
    public static CustomerRhythm[] Build(History h)
    {
        var days = new List<long>[h.Log.Customers.Count];
        var lines = new int[days.Length];
        for (var e = 0; e < h.Log.Count; e++)
        {
            if (h.Log.Ticks[e] >= h.AsOf) continue;
            var c = h.Log.Customer[e];
            lines[c]++;
            var d = h.Log.Ticks[e] / TimeSpan.TicksPerDay;
            var list = days[c] ??= [];
            // The log is in time order, so a repeated day is the last one listed; Sort below covers any other order.
            if (list.Count == 0 || list[^1] != d) list.Add(d);
        }
        var rhythms = new CustomerRhythm[days.Length];
        for (var c = 0; c < days.Length; c++)
        {
            if (days[c] is not { } list) continue;
            list.Sort();
            var distinct = list.Distinct().ToArray();
            var gaps = distinct.Skip(1).Select((d, i) => (double)(d - distinct[i])).Order().ToArray();
            var median = gaps.Length == 0 ? 0 : gaps.Length % 2 == 1 ? gaps[gaps.Length / 2] : (gaps[gaps.Length / 2 - 1] + gaps[gaps.Length / 2]) / 2;
            var autumn = distinct.Count(d => new DateTime(d * TimeSpan.TicksPerDay, DateTimeKind.Utc).Month >= 9);
            rhythms[c] = new CustomerRhythm(median, (double)autumn / distinct.Length, (double)lines[c] / distinct.Length);
        }
        return rhythms;
    }
}
