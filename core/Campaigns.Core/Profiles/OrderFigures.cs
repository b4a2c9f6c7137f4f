using Campaigns.Data;

namespace Campaigns.Profiles;

/// <summary>Recency, frequency, monetary value and purchase intervals. An order is the purchase lines of one instant (an invoice).</summary>
internal static class OrderFigures
{
    public static CustomerProfile Apply(CustomerProfile profile, Interaction[] purchases, DateTimeOffset asOf)
    {
        var orders = purchases.GroupBy(p => p.OccurredAt).Select(g => (At: g.Key, Value: g.Sum(p => p.Value))).OrderBy(o => o.At).ToArray();
        if (orders.Length == 0) return profile;
        var last = orders[^1].At;
        var total = orders.Sum(o => o.Value);
        var intervals = orders.Skip(1).Select((o, i) => (o.At - orders[i].At).TotalDays).ToArray();
        double? mean = intervals.Length == 0 ? null : intervals.Average();
        double? std = mean is { } m ? Math.Sqrt(intervals.Sum(d => (d - m) * (d - m)) / intervals.Length) : null;
        return profile with
        {
            LastOrderAt = last,
            DaysSinceLastOrder = Math.Round((asOf - last).TotalDays, 6),
            Orders30d = Within(orders, asOf, 30).Length,
            Orders90d = Within(orders, asOf, 90).Length,
            Orders365d = Within(orders, asOf, 365).Length,
            OrdersTotal = orders.Length,
            Revenue90d = Within(orders, asOf, 90).Sum(o => o.Value),
            RevenueTotal = total,
            AvgOrderValue = Math.Round(total / orders.Length, 4),
            IntervalMeanDays = mean is { } a ? Math.Round(a, 6) : null,
            IntervalStdDays = std is { } s ? Math.Round(s, 6) : null,
            ExpectedNextOrderAt = mean is { } days ? last.AddDays(days) : null,
        };
    }

    /// <summary>Orders in the window (asOf - days, asOf].</summary>
    private static (DateTimeOffset At, decimal Value)[] Within((DateTimeOffset At, decimal Value)[] orders, DateTimeOffset asOf, int days) =>
        [.. orders.Where(o => o.At > asOf.AddDays(-days))];
}
