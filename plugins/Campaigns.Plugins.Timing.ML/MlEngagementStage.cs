using Campaigns.Data;
using Campaigns.Plugins.Timing.History;
using Campaigns.Plugins.Timing.Slots;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Timing.ML;

/// <summary>Sends in the candidate hour with the highest predicted engagement probability (ML.NET FastTree).</summary>
internal sealed class MlEngagementStage(StageContext context, MlEngagementOptions options) : ISendTimeStage
{
    private readonly Zones _zones = new();
    private ActivityLog? _log;
    private EngagementModel? _model;
    private Population? _population;

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _log = await ActivityLog.LoadAsync(context, _zones, now.AddDays(-options.Days), now, EventWeights.Engagement(), cancellationToken);
        _population = Population.Of(_log.All().SelectMany(c => c.Events));
        _model = EngagementModel.Train(_log, options);
        context.Logger.LogInformation("ml-engagement: {Customers} customers, trained {Trained} on {Positives} held-out moments in {Seconds:0.0} s",
            _log.Customers, _model.Trained, _model.Positives, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SendTimeDecision>> ChooseAsync(IReadOnlyList<Customer> customers, SendTimeRequest request, CancellationToken cancellationToken)
    {
        if (_model is null) await PrepareAsync(cancellationToken);
        var now = context.Time.GetUtcNow();
        var from = Candidates.From(request, now);
        var zones = customers.Select(c => _zones.Resolve(c.TimeZone)).ToArray();
        var candidates = zones.Select(z => Candidates.Hourly(from, request.Deadline, options.HorizonHours, z)).ToArray();

        var rows = new List<HourRow>();
        for (var i = 0; i < customers.Count; i++)
        {
            var features = new HourFeatures(_log!.For(customers[i].Id), now);
            foreach (var c in candidates[i])
                rows.Add(new HourRow { Features = features.For(c.Local.Hour, c.Local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, _population!) });
        }
        // Without a model (too little history) the population's share of the hour is the score.
        var probabilities = _model!.Trained ? _model.Score(rows) : [.. rows.Select(r => r.Features[5])];

        var decisions = new SendTimeDecision[customers.Count];
        var offset = 0;
        for (var i = 0; i < customers.Count; i++)
        {
            var scores = probabilities.Skip(offset).Take(candidates[i].Count).Select(p => (double)p).ToArray();
            offset += candidates[i].Count;
            var chosen = Decisions.Best(scores);
            var slot = candidates[i][chosen];
            var reason = _model.Trained
                ? $"ml-engagement:{HourOfWeek.Label(slot.Slot)} p={scores[chosen]:0.###} {zones[i].Label}"
                : $"ml-engagement:fallback population {HourOfWeek.Label(slot.Slot)} {zones[i].Label}";
            decisions[i] = Decisions.Build(candidates[i], scores, chosen, slot.Start, reason, null, options.Alternatives);
        }
        return decisions;
    }
}
