namespace Campaigns.Plugins.Timing.Slots;

/// <summary>Local time-of-day arithmetic shared by the strategies.</summary>
internal static class LocalTimes
{
    /// <summary>The first instant at or after <paramref name="from"/> at which the customer's clock shows <paramref name="at"/>.</summary>
    public static DateTimeOffset Next(DateTimeOffset from, TimeSpan at, ResolvedZone zone)
    {
        var date = zone.Local(from).Date;
        // Yesterday is tried first: across a fall-back night the same wall-clock time can still be ahead.
        for (var day = -1; day <= 2; day++)
        {
            var slot = LocalClock.ToInstant(date.AddDays(day) + at, zone.Zone);
            if (slot >= from) return slot;
        }
        return from; // unreachable: one of four consecutive days has the time at or after from
    }

    /// <summary>Distance between two times of day in minutes, around the clock (23:30 and 00:30 are 60 apart).</summary>
    public static double CircularMinutes(TimeSpan a, TimeSpan b)
    {
        var d = Math.Abs((a - b).TotalMinutes) % 1440;
        return Math.Min(d, 1440 - d);
    }

    /// <summary>The index of the candidate whose hour holds <paramref name="instant"/> (the last starting at or before it).</summary>
    public static int Holding(IReadOnlyList<Candidate> candidates, DateTimeOffset instant)
    {
        var index = 0;
        for (var i = 1; i < candidates.Count && candidates[i].Start <= instant; i++) index = i;
        return index;
    }
}
