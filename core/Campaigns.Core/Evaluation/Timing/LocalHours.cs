namespace Campaigns.Evaluation.Timing;

/// <summary>Local-time helpers of the send-time evaluation.</summary>
internal static class LocalHours
{
    /// <summary>The zone of an IANA id; unknown ids count as UTC, as the stages count them.</summary>
    public static TimeZoneInfo Zone(string? id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id ?? "UTC");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    /// <summary>
    /// The first instant of a local day. Where midnight does not exist (a daylight-saving change at midnight) the day
    /// starts at the first minute that does; where it happens twice, at the earlier one.
    /// </summary>
    public static DateTimeOffset DayStart(DateTime date, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(date.Date, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>Hours between two hours of day around the clock (0 to 12).</summary>
    public static int Distance(int a, int b)
    {
        var d = Math.Abs(a - b) % 24;
        return Math.Min(d, 24 - d);
    }
}
