using Campaigns.Data;
using Campaigns.Plugins.Timing.History;
using Campaigns.Plugins.Timing.Slots;
using Campaigns.Stages;

namespace Campaigns.Plugins.Timing.MedianHour;

/// <summary>Sends around the median local time of day of the customer's recent activity.</summary>
internal sealed class MedianHourStage(StageContext context, MedianHourOptions options) : ISendTimeStage
{
    private readonly Zones _zones = new();
    private ActivityLog? _log;
    private (TimeSpan At, string Label) _fallback;

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        _log = await ActivityLog.LoadAsync(context, _zones, now.AddDays(-options.Days), now, EventWeights.Activity(options.EventTypes), cancellationToken);
        _fallback = History.Fallback.Resolve(options.Fallback, _log.HourTotals());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SendTimeDecision>> ChooseAsync(IReadOnlyList<Customer> customers, SendTimeRequest request, CancellationToken cancellationToken)
    {
        if (_log is null) await PrepareAsync(cancellationToken);
        var from = Candidates.From(request, context.Time.GetUtcNow());
        var decisions = new SendTimeDecision[customers.Count];
        for (var i = 0; i < customers.Count; i++) decisions[i] = Choose(customers[i], from, request.Deadline);
        return decisions;
    }

    private SendTimeDecision Choose(Customer customer, DateTimeOffset from, DateTimeOffset? deadline)
    {
        var zone = _zones.Resolve(customer.TimeZone);
        var events = _log!.For(customer.Id);
        var personal = events.Count >= options.MinEvents;
        var target = personal ? Median(events) : _fallback.At;
        var reason = personal
            ? $"median-hour:{target:hh\\:mm} n={events.Count}"
            : $"median-hour:fallback {_fallback.Label} n={events.Count}";
        reason += " " + zone.Label;

        var candidates = Candidates.Hourly(from, deadline, options.HorizonHours, zone);
        var scores = candidates.Select(c => 1 / (1 + LocalTimes.CircularMinutes(c.Local.TimeOfDay, target) / 60)).ToArray();

        DateTimeOffset sendAt;
        if (LocalTimes.CircularMinutes(zone.Local(from).TimeOfDay, target) <= options.WindowHours * 60) sendAt = from;
        else sendAt = LocalTimes.Next(from, target, zone);
        var chosen = LocalTimes.Holding(candidates, sendAt);
        if (deadline is { } d && sendAt > d)
        {
            // The median is out of reach: the best hour that is still allowed.
            chosen = Decisions.Best(scores);
            sendAt = candidates[chosen].Start;
            reason += ";deadline";
        }
        return Decisions.Build(candidates, scores, chosen, sendAt, reason, null, options.Alternatives);
    }

    /// <summary>The median local time of day, to the minute (an even count takes the lower middle: a time that happened).</summary>
    internal static TimeSpan Median(IReadOnlyList<LocalEvent> events)
    {
        var minutes = events.Select(e => (int)e.Local.TimeOfDay.TotalMinutes).Order().ToArray();
        return TimeSpan.FromMinutes(minutes[(minutes.Length - 1) / 2]);
    }
}
