using System.Collections.Concurrent;

namespace Campaigns.Plugins.Timing.Slots;

/// <summary>Resolves IANA zone ids once per stage; an unknown zone counts as UTC and says so, as <c>fixed-local-time</c> does.</summary>
internal sealed class Zones
{
    private readonly ConcurrentDictionary<string, ResolvedZone> _cache = new(StringComparer.Ordinal);

    /// <summary>The zone of <paramref name="id"/> (null or unknown: UTC, with <see cref="ResolvedZone.Known"/> false).</summary>
    public ResolvedZone Resolve(string? id) => _cache.GetOrAdd(id ?? "UTC", static zoneId =>
    {
        try
        {
            return new ResolvedZone(zoneId, TimeZoneInfo.FindSystemTimeZoneById(zoneId), true);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return new ResolvedZone(zoneId, TimeZoneInfo.Utc, false);
        }
    });
}

/// <summary>A customer's zone as the stages use it.</summary>
/// <param name="Id">The id the customer carries.</param>
/// <param name="Zone">The zone (UTC when the id is unknown).</param>
/// <param name="Known">False when the id was not found and UTC stands in.</param>
internal sealed record ResolvedZone(string Id, TimeZoneInfo Zone, bool Known)
{
    /// <summary>How a reason names the zone: the id, or <c>UTC;unknown-zone:ID</c>.</summary>
    public string Label => Known ? Id : $"UTC;unknown-zone:{Id}";

    /// <summary>The wall-clock time of <paramref name="instant"/> in this zone.</summary>
    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
}
