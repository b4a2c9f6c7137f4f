using System.Collections.Concurrent;
using System.Globalization;
using Campaigns.Data;
using Campaigns.Plugins.Timing.Slots;
using Campaigns.Stages;

namespace Campaigns.Plugins.Timing;

/// <summary>Sends at a fixed local time of day, or at once when the customer is already inside the send window.</summary>
internal sealed class FixedLocalTimeStage(StageContext context, FixedLocalTimeOptions options) : ISendTimeStage
{
    private readonly TimeSpan _at = TimeSpan.ParseExact(options.At, @"hh\:mm", CultureInfo.InvariantCulture);
    private readonly TimeSpan _window = TimeSpan.FromMinutes(options.WindowMinutes);
    private readonly ConcurrentDictionary<string, (TimeZoneInfo Zone, string Reason)> _zones = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IReadOnlyList<SendTimeDecision>> ChooseAsync(IReadOnlyList<Customer> customers, SendTimeRequest request, CancellationToken cancellationToken)
    {
        // Planning may run after the occurrence started: nothing goes before Earliest, nor before now.
        var now = context.Time.GetUtcNow();
        var from = request.Earliest > now ? request.Earliest : now;
        var decisions = new SendTimeDecision[customers.Count];
        for (var i = 0; i < customers.Count; i++)
        {
            var (zone, reason) = _zones.GetOrAdd(customers[i].TimeZone ?? "UTC", Resolve);
            var sendAt = Choose(from, zone);
            if (request.Deadline is { } deadline && sendAt > deadline)
            {
                sendAt = deadline < from ? from : deadline;
                reason += ";deadline";
            }
            decisions[i] = new SendTimeDecision(sendAt.ToUniversalTime(), reason);
        }
        return Task.FromResult<IReadOnlyList<SendTimeDecision>>(decisions);
    }

    private DateTimeOffset Choose(DateTimeOffset from, TimeZoneInfo zone)
    {
        var localDate = TimeZoneInfo.ConvertTime(from, zone).Date;
        // Yesterday's slot matters when the window runs past midnight (at 22:00 for 4 hours).
        for (var day = -1; day <= 2; day++)
        {
            var slot = LocalClock.ToInstant(localDate.AddDays(day) + _at, zone);
            if (from >= slot && from < slot + _window) return from;
            if (slot >= from) return slot;
        }
        return from; // unreachable: one of four consecutive daily slots is always at or after from
    }

    private (TimeZoneInfo, string) Resolve(string zoneId)
    {
        try
        {
            return (TimeZoneInfo.FindSystemTimeZoneById(zoneId), $"fixed:{options.At} {zoneId}");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return (TimeZoneInfo.Utc, $"fixed:{options.At} UTC;unknown-zone:{zoneId}");
        }
    }
}
