using System.Globalization;
using System.Text.Json;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Planning;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Models;

/// <summary>
/// One retraining round of a stage and its options: train a candidate on the newest data but the hold-out, measure it
/// and the live version on that same hold-out, store it as the next version, and let the gate decide: the candidate
/// goes live only if its metric is not below the live one's (no tolerance: a tie deploys the newer model, which has
/// seen newer data); otherwise it is kept as <c>rejected</c> with both figures.
/// </summary>
public sealed class ModelTrainer(StageRegistry stages, IModelRegistry registry, ICustomerReader customers, ICatalogReader catalog,
    IInteractionReader interactions, TimeProvider time, ILoggerFactory loggers, CampaignsPaths paths)
{
    private readonly ILogger _logger = loggers.CreateLogger<ModelTrainer>();

    /// <summary>Runs one round for the stage <paramref name="stageKey"/> with <paramref name="options"/> (null: its defaults).</summary>
    /// <returns>The new version as decided, and the version that was live when it was measured.</returns>
    /// <exception cref="ModelException">The stage is unknown or cannot be trained, the options are invalid, or there is no data to train or measure on.</exception>
    public async Task<RetrainResult> RetrainAsync(string stageKey, JsonElement? options, RetrainingSettings settings, CancellationToken ct)
    {
        if (settings.Problem() is { } problem) throw new ModelException(problem);
        var (stage, bound) = Resolve(stageKey, options);
        var hash = OptionsHash.Of(bound);
        var latest = await RoundData.LatestEventAsync(interactions, ct) ?? throw new ModelException("the store has no events: nothing to train on; import some first");
        var window = RoundWindow.EndingAt(latest, time.GetUtcNow(), settings);
        var data = await RoundData.LoadAsync(window, customers, catalog, interactions, ct);
        if (data.Train.Count == 0)
            throw new ModelException($"no events between {window.From:u} and {window.HoldoutFrom:u} to train {stageKey} on; widen WindowDays");
        var scoring = new HoldoutScoring(stage, bound, data, loggers, paths.EnsureDataFolder());

        var trained = await TrainAsync(scoring, window, ct);
        var metrics = await scoring.ScoreAsync(trained, ct);
        var live = await registry.GetLiveAsync(stageKey, hash, ct);
        double? liveScore = live is null ? null : await ScoreLiveAsync(scoring, live, ct);
        if (liveScore is { } ls) metrics["live." + scoring.GateMetric] = ls;

        var candidate = await registry.AddCandidateAsync(new ModelCandidate(stageKey, hash, OptionsHash.Canonical(bound), window.From, window.HoldoutFrom,
            scoring.GateMetric, metrics, trained.Stats, trained.Format, trained.Artefact), time.GetUtcNow(), ct);
        var (promote, reason) = Gate(scoring.GateMetric, metrics[scoring.GateMetric], live, liveScore);
        var decided = await registry.DecideAsync(candidate.Id, live?.Id, promote, reason, ct);
        _logger.Log(decided.Status == ModelStatus.Live ? LogLevel.Information : LogLevel.Warning,
            "{Model} ({Hash}) is {Status}: {Reason}", decided.Label, hash, decided.Status, decided.Reason);
        return new RetrainResult(decided, live);
    }

    private static async Task<TrainedModel> TrainAsync(HoldoutScoring scoring, RoundWindow window, CancellationToken ct)
    {
        var instance = (ITrainableStage)scoring.NewStage(training: true);
        try
        {
            return await instance.TrainAsync(new TrainingRequest(window.From, window.HoldoutFrom), ct);
        }
        finally
        {
            await StageDisposal.DisposeAsync(instance);
        }
    }

    // A live artefact this build of the stage cannot read any more (a new format) scores nothing: the candidate replaces it.
    private async Task<double?> ScoreLiveAsync(HoldoutScoring scoring, StoredModel live, CancellationToken ct)
    {
        try
        {
            var artefact = new TrainedModel(live.Format, await registry.GetArtefactAsync(live.Id, ct));
            return (await scoring.ScoreAsync(artefact, ct))[scoring.GateMetric];
        }
        catch (InvalidDataException ex)
        {
            _logger.LogWarning("{Model} cannot be loaded any more ({Error}); the candidate is measured alone", live.Label, ex.Message);
            return null;
        }
    }

    private static (bool Promote, string Reason) Gate(string metric, double score, StoredModel? live, double? liveScore)
    {
        static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
        if (live is null) return (true, $"first version: {metric} {F(score)}");
        if (liveScore is not { } ls) return (true, $"{metric} {F(score)}; live {live.Label} could not be loaded to compare");
        return score >= ls
            ? (true, $"{metric} {F(score)} >= live {live.Label} {F(ls)} on the same hold-out")
            : (false, $"{metric} {F(score)} < live {live.Label} {F(ls)} on the same hold-out; {live.Label} stays live");
    }

    /// <summary>The registration and bound options of a trainable recommender, send-time or audience stage.</summary>
    /// <exception cref="ModelException">Unknown key, invalid options, or a stage without the training feature.</exception>
    public (StageRegistration Stage, object Options) Resolve(string stageKey, JsonElement? options)
    {
        if (!stages.TryGet(StageKind.Recommender, stageKey, out var stage) && !stages.TryGet(StageKind.SendTime, stageKey, out stage)
            && !stages.TryGet(StageKind.Audience, stageKey, out stage))
        {
            var known = stages.All.Where(s => s.Kind is StageKind.Recommender or StageKind.SendTime or StageKind.Audience).Select(s => s.Key);
            throw new ModelException($"{stageKey}: no recommender, send-time or audience stage has this key (loaded: {string.Join(", ", known)})");
        }
        var errors = new List<DefinitionError>();
        var bound = StageOptionsBinder.Bind(stage.OptionsType, options, stageKey, errors);
        if (bound is null || errors.Count > 0) throw new ModelException(string.Join(Environment.NewLine, errors));
        var type = ProbeType(stage, bound);
        if (!typeof(ITrainableStage).IsAssignableFrom(type))
            throw new ModelException($"{stageKey} cannot be retrained: it computes from the data at each run; nothing to version (its stage does not implement ITrainableStage)");
        // An audience's model is measured by scoring customers: refuse before training, not after minutes of it.
        if (stage.Kind == StageKind.Audience && !typeof(IScoringAudience).IsAssignableFrom(type))
            throw new ModelException($"{stageKey} cannot be measured: its plugin does not implement IScoringAudience, so the host cannot see what its model makes of customers");
        return (stage, bound);
    }

    // Whether a stage is trainable is a property of its class: build one over empty readers to find out.
    private Type ProbeType(StageRegistration stage, object options)
    {
        var empty = new Evaluation.TrainingData([], []);
        var probe = stage.Create(new StageContext
        {
            Customers = empty, Catalog = empty, Interactions = empty, Time = time,
            Logger = _logger, Run = new CampaignRunInfo("retrain", 0, "probe"), DataFolder = paths.EnsureDataFolder(),
        }, options);
        (probe as IDisposable)?.Dispose();
        return probe.GetType();
    }
}

/// <summary>What a round did.</summary>
/// <param name="Model">The new version, as the gate decided it.</param>
/// <param name="PreviousLive">The version that was live when the candidate was measured, if any.</param>
public sealed record RetrainResult(StoredModel Model, StoredModel? PreviousLive);
