namespace Campaigns.Plugins.Timing.Slots;

/// <summary>Turns a wall-clock time in a zone into an instant, across daylight-saving changes.</summary>
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
        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max() // the larger offset is the earlier instant
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
