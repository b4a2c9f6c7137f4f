using System.Collections.Concurrent;

namespace Campaigns.Scheduling;

/// <summary>Resolves customers' IANA zone ids once each; an unknown id counts as UTC (the import already warned).</summary>
internal static class CustomerZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    public static TimeZoneInfo Find(string? id) => Zones.GetOrAdd(id ?? "UTC",
        static key => TimeZoneInfo.TryFindSystemTimeZoneById(key, out var zone) ? zone : TimeZoneInfo.Utc);
}
