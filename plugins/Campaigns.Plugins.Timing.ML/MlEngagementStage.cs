using Campaigns.Data;
using Campaigns.Plugins.Timing.History;
using Campaigns.Plugins.Timing.Slots;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Timing.ML;

/// <summary>
/// Sends in the candidate hour with the highest predicted engagement probability (ML.NET FastTree). The classifier is
/// what is trained and stored (<see cref="ITrainableStage"/>); the history and the population's hours are read fresh.
/// </summary>
internal sealed class MlEngagementStage(StageContext context, MlEngagementOptions options) : ISendTimeStage, ITrainableStage
{
    private readonly Zones _zones = new();
    private ActivityLog? _log;
    private EngagementModel? _model;
    private EngagementModel? _trained;
    private Population? _population;

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _log = await ActivityLog.LoadAsync(context, _zones, now.AddDays(-options.Days), now, EventWeights.Engagement(), cancellationToken);
        _population = Population.Of(_log.All().SelectMany(c => c.Events));
        _model = _trained ?? EngagementModel.Train(_log, options);
        context.Logger.LogInformation("ml-engagement: {Customers} customers, model {Trained} on {Positives} held-out moments in {Seconds:0.0} s",
            _log.Customers, _model.Trained, _model.Positives, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <inheritdoc />
    public async Task<TrainedModel> TrainAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        // The clock reads the window's end while training, so the options' Days count back from there.
        _trained = null;
        await PrepareAsync(cancellationToken);
        _trained = _model!;
        return new TrainedModel(EngagementModel.Format, _trained.Write())
        {
            Stats = new Dictionary<string, double> { ["customers"] = _log!.Customers, ["positives"] = _trained.Positives, ["trained"] = _trained.Trained ? 1 : 0 },
        };
    }

    /// <inheritdoc />
    public void LoadModel(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Format != EngagementModel.Format) throw new InvalidDataException($"ml-engagement reads models of format {EngagementModel.Format}, not {model.Format}");
        (_trained, _model) = (EngagementModel.Read(model.Artefact, options.Seed), null);
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
