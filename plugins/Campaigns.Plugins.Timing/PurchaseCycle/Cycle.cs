using Campaigns.Plugins.Timing.History;

namespace Campaigns.Plugins.Timing.PurchaseCycle;

/// <summary>A customer's purchase rhythm: the usual local hour and, with enough purchase days, the expected next one.</summary>
/// <param name="PurchaseDays">Distinct local purchase days.</param>
/// <param name="UsualHour">Most common local purchase hour (ties: the hour with more purchases over everyone).</param>
/// <param name="Interval">Median days between purchase days; null with fewer than two.</param>
/// <param name="Next">Last purchase day + interval; null with fewer than two purchase days.</param>
internal sealed record Cycle(int PurchaseDays, int UsualHour, double? Interval, DateTime? Next)
{
    /// <summary>The cycle of one customer's purchase moments (time order).</summary>
    public static Cycle Of(IReadOnlyList<LocalEvent> purchases, double[] populationHours)
    {
        var days = purchases.Select(p => p.Local.Date).Distinct().Order().ToArray();
        var byHour = new int[24];
        foreach (var p in purchases) byHour[p.Local.Hour]++;
        var usual = 0;
        for (var h = 1; h < 24; h++)
            if (byHour[h] > byHour[usual] || (byHour[h] == byHour[usual] && populationHours[h] > populationHours[usual])) usual = h;
        if (days.Length < 2) return new Cycle(days.Length, usual, null, null);

        var gaps = days.Zip(days.Skip(1), (a, b) => (b - a).TotalDays).Order().ToArray();
        // The median, not the mean: one long holiday gap should not push every reminder weeks late.
        var interval = gaps.Length % 2 == 1 ? gaps[gaps.Length / 2] : (gaps[gaps.Length / 2 - 1] + gaps[gaps.Length / 2]) / 2;
        return new Cycle(days.Length, usual, interval, days[^1].AddDays(Math.Round(interval)));
    }
}
