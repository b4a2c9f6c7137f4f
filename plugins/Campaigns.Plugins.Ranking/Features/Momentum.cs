namespace Campaigns.Plugins.Ranking.Features;

/// <summary>
/// One item's sales (order lines) in the last 14 and 30 days before the instant of a <see cref="History"/>, and in the
/// 60 days before each of those: a seasonal item waking up (the autumn ramp-up towards Christmas) sells faster now than
/// in the weeks before, which neither its all-time popularity nor its last sale shows.
/// </summary>
/// <param name="Last14">Lines in [as-of − 14 days, as-of).</param>
/// <param name="Before14">Lines in [as-of − 74 days, as-of − 14 days).</param>
/// <param name="Last30">Lines in [as-of − 30 days, as-of).</param>
/// <param name="Before30">Lines in [as-of − 90 days, as-of − 30 days).</param>
internal readonly record struct ItemMomentum(int Last14, int Before14, int Last30, int Before30)
{
    /// <summary>Daily sales of the last 14 days ÷ daily sales of the 60 days before (+1 line, so a new item is finite).</summary>
    public float Ramp14 => Last14 / 14f / ((Before14 + 1) / 60f);

    /// <summary>Daily sales of the last 30 days ÷ daily sales of the 60 days before (+1 line).</summary>
    public float Ramp30 => Last30 / 30f / ((Before30 + 1) / 60f);

    public static ItemMomentum[] Build(History h)
    {
        var counts = new ItemMomentum[h.Log.Items.Count];
        var day = TimeSpan.TicksPerDay;
        for (var e = 0; e < h.Log.Count; e++)
        {
            var age = h.AsOf - h.Log.Ticks[e];
            if (age <= 0 || age > 90 * day) continue;
            var c = counts[h.Log.Item[e]];
            counts[h.Log.Item[e]] = new ItemMomentum(
                c.Last14 + (age <= 14 * day ? 1 : 0),
                c.Before14 + (age > 14 * day && age <= 74 * day ? 1 : 0),
                c.Last30 + (age <= 30 * day ? 1 : 0),
                c.Before30 + (age > 30 * day ? 1 : 0));
        }
        return counts;
    }
}
