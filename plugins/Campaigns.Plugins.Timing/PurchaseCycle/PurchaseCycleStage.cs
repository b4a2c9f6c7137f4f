using Campaigns.Data;
using Campaigns.Plugins.Timing.History;
using Campaigns.Plugins.Timing.Slots;
using Campaigns.Stages;

namespace Campaigns.Plugins.Timing.PurchaseCycle;

/// <summary>Sends a few days before the customer's next expected purchase, at their usual purchase hour.</summary>
internal sealed class PurchaseCycleStage(StageContext context, PurchaseCycleOptions options) : ISendTimeStage
{
    private readonly Zones _zones = new();
    private ActivityLog? _log;
    private double[] _populationHours = new double[24];
    private (TimeSpan At, string Label) _fallback;

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        _log = await ActivityLog.LoadAsync(context, _zones, now.AddDays(-options.Days), now, EventWeights.Activity(options.EventTypes), cancellationToken);
        _populationHours = _log.HourTotals();
        _fallback = History.Fallback.Resolve(options.Fallback, _populationHours);
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
        var cycle = Cycle.Of(_log!.For(customer.Id), _populationHours);
        TimeSpan at;
        DateTimeOffset target;
        string reason;
        if (cycle.PurchaseDays >= options.MinPurchases && cycle.Next is { } next)
        {
            at = TimeSpan.FromHours(cycle.UsualHour);
            var day = next.AddDays(-options.DaysBefore);
            target = LocalClock.ToInstant(day + at, zone.Zone);
            reason = $"purchase-cycle:every {cycle.Interval:0.#}d next {next:yyyy-MM-dd} send {day:yyyy-MM-dd} {at:hh\\:mm}";
        }
        else
        {
            at = _fallback.At;
            target = from;
            reason = $"purchase-cycle:fallback {_fallback.Label} purchases={cycle.PurchaseDays}";
        }
        reason += " " + zone.Label;

        // The usual hour on the target day; a day already past gives the next usual hour, one after the deadline the last before it.
        var sendAt = LocalTimes.Next(target < from ? from : target, at, zone);
        if (deadline is { } d && sendAt > d)
        {
            var last = LocalTimes.Next(from, at, zone);
            for (var probe = last; probe <= d; probe = LocalTimes.Next(probe.AddMinutes(1), at, zone)) last = probe;
            sendAt = last <= d ? last : (d < from ? from : d);
            reason += ";deadline";
        }

        var candidates = Candidates.Hourly(sendAt, deadline is { } dl && dl < sendAt ? sendAt : deadline, options.HorizonHours, zone);
        var scores = candidates.Select(c => 1 / (1 + LocalTimes.CircularMinutes(c.Local.TimeOfDay, at) / 60)
                                            / (1 + (c.Start - sendAt).TotalDays)).ToArray();
        return Decisions.Build(candidates, scores, 0, sendAt, reason, null, options.Alternatives);
    }
}
