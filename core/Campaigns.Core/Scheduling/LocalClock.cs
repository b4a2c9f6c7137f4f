namespace Campaigns.Scheduling;

/// <summary>Wall-clock arithmetic in a customer's zone that survives daylight-saving changes.</summary>
internal static class LocalClock
{
    /// <summary>
    /// The instant at which the clock in <paramref name="zone"/> shows <paramref name="local"/>. A time that does not
    /// exist (spring-forward gap) moves forward to the first minute that does; a time that exists twice (fall-back
    /// overlap) gives the earlier instant.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // Gaps are an hour in most zones and never more than a day; the bound only guards against a broken zone.
        for (var step = 0; zone.IsInvalidTime(local) && step < 24 * 60; step++)
            local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The local day number (<see cref="DateOnly.DayNumber"/>) of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static int DayOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime).DayNumber;

    /// <summary>The day number of the Monday that starts the ISO week of <paramref name="day"/>.</summary>
    public static int WeekStart(int day) => day - ((int)DateOnly.FromDayNumber(day).DayOfWeek + 6) % 7;

    /// <summary>The first instant after <paramref name="after"/> at which the local clock shows <paramref name="time"/>.</summary>
    public static DateTimeOffset Next(DateTimeOffset after, TimeOnly time, TimeZoneInfo zone)
    {
        var date = TimeZoneInfo.ConvertTime(after, zone).Date;
        for (var day = 0; day < 3; day++)
        {
            var candidate = ToInstant(date.AddDays(day) + time.ToTimeSpan(), zone);
            if (candidate > after) return candidate;
        }
        return ToInstant(date.AddDays(3) + time.ToTimeSpan(), zone);
    }

    /// <summary>Local midnight starting day number <paramref name="day"/>.</summary>
    public static DateTimeOffset StartOfDay(int day, TimeZoneInfo zone) =>
        ToInstant(DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.MinValue), zone);
}
