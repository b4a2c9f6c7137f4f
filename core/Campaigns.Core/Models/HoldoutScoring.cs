using Campaigns.Evaluation;
using Campaigns.Evaluation.Timing;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Models;

/// <summary>
/// The host's own measure of a model, the same for every plugin and for candidate and live version alike: the
/// artefact is loaded into a fresh stage built over the round's training readers, then scored on the round's hold-out
/// with the offline evaluation the <c>evaluate</c> and <c>evaluate-timing</c> verbs use.
/// </summary>
internal sealed class HoldoutScoring(StageRegistration stage, object options, RoundData data, ILoggerFactory loggers, string dataFolder)
{
    /// <summary>Recommenders: mean nDCG@10 over customers with training history and new items in the hold-out.</summary>
    public const string RecommenderMetric = "ndcg@10";

    /// <summary>Send-time stages: share of hold-out moments whose local hour was the one chosen for their day.</summary>
    public const string TimingMetric = "exact-hour";

    /// <summary>Customers evaluated must have at least this many training moments (the <c>evaluate-timing</c> default).</summary>
    private const int MinHistory = 3;

    private static readonly CampaignRunInfo Run = new("retrain", 0, "retrain");
    private readonly TrainingData _window = data.Readers(window: true, itemsOnly: stage.Kind == StageKind.Recommender);
    private readonly TrainingData _history = data.Readers(window: false, itemsOnly: stage.Kind == StageKind.Recommender);

    /// <summary>The metric the gate compares for this stage's kind (an audience's is known once it has scored).</summary>
    public string GateMetric { get; private set; } = stage.Kind == StageKind.Recommender ? RecommenderMetric : TimingMetric;

    /// <summary>
    /// A fresh stage, its clock stopped where the hold-out starts, over the training window (<paramref name="training"/>)
    /// or, to be scored with a loaded model, over all history before the hold-out: candidate and live version then read
    /// the same customer data, as they would at plan time, and differ only in what they learned.
    /// </summary>
    public ICampaignStage NewStage(bool training) => NewStage(Readers(training), data.Window.HoldoutFrom);

    /// <summary>A fresh stage over <paramref name="readers"/>, its clock stopped at <paramref name="at"/>.</summary>
    public ICampaignStage NewStage(TrainingData readers, DateTimeOffset at) => stage.Create(new StageContext
    {
        Customers = readers, Catalog = readers, Interactions = readers,
        Time = new FixedClock(at),
        Logger = loggers.CreateLogger($"Campaigns.Models.{stage.Key}"),
        Run = Run,
        DataFolder = Directory.CreateDirectory(dataFolder).FullName,
    }, options);

    private TrainingData Readers(bool training) => training ? _window : _history;

    /// <summary>The metrics of <paramref name="model"/> on the hold-out, the gate metric first.</summary>
    /// <exception cref="ModelException">The hold-out has nothing to evaluate.</exception>
    public async Task<Dictionary<string, double>> ScoreAsync(TrainedModel model, CancellationToken ct)
    {
        if (stage.Kind == StageKind.Audience)
        {
            (GateMetric, var metrics) = await new AudienceScoring(this, stage.Key, data).ScoreAsync(model, ct);
            return metrics;
        }
        var instance = NewStage(training: false);
        try
        {
            ((ITrainableStage)instance).LoadModel(model);
            return stage.Kind == StageKind.Recommender
                ? await RecommenderAsync((IRecommenderStage)instance, ct)
                : await TimingAsync((ISendTimeStage)instance, ct);
        }
        finally
        {
            await StageDisposal.DisposeAsync(instance);
        }
    }

    private async Task<Dictionary<string, double>> RecommenderAsync(IRecommenderStage recommender, CancellationToken ct)
    {
        var withItems = (IReadOnlyList<Data.Interaction> events) => (IReadOnlyList<Data.Interaction>)[.. events.Where(e => e.ItemId.Length > 0)];
        var truth = new GroundTruth(new TrainTestSplit(withItems(data.History), withItems(data.Holdout), data.Window.HoldoutFrom), removeSeen: true);
        if (truth.Users.Count == 0)
            throw new ModelException($"no customer bought something new in the hold-out ({data.Window.HoldoutFrom:u} to {data.Window.Until:u}) after an earlier purchase: nothing to measure; widen WindowDays or HoldoutDays");
        var settings = new EvaluationSettings(new SplitSpec(SplitKind.Temporal, SplitAt: data.Window.HoldoutFrom));
        var result = await OfflineEvaluator.EvaluateAsync(stage.Key, recommender, truth, settings, ct);
        return new Dictionary<string, double>
        {
            [RecommenderMetric] = result.Ndcg, ["precision@10"] = result.Precision, ["recall@10"] = result.Recall,
            ["hit@10"] = result.Hit, ["coverage"] = result.Coverage, ["holdout-customers"] = result.Users,
        };
    }

    private async Task<Dictionary<string, double>> TimingAsync(ISendTimeStage timing, CancellationToken ct)
    {
        var timingData = data.Timing();
        var split = new TimingSplit(timingData, data.Window.HoldoutFrom, MinHistory);
        if (split.Test.Count == 0)
            throw new ModelException($"no customer has {MinHistory} moments before {data.Window.HoldoutFrom:u} and one after it: nothing to measure; widen WindowDays or HoldoutDays");
        var result = await TimingEvaluator.ScoreAsync(stage.Key, timing, split, timingData, ct);
        return new Dictionary<string, double>
        {
            [TimingMetric] = result.ExactHour, ["within-1h"] = result.Within1h, ["holdout-customers"] = result.Customers, ["holdout-moments"] = result.Events,
        };
    }
}
