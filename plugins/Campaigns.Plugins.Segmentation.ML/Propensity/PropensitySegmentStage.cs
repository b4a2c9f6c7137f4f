using Campaigns.Data;
using Campaigns.Models;
using Campaigns.Plugins.Segmentation.ML.Features;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Segmentation.ML.Propensity;

/// <summary>
/// The top percent of customers by predicted probability of buying (or of churning) within the horizon. The model is
/// trained at now − 2 × horizon, validated at now − horizon and applied at now, all from one pass over the purchases.
/// With a model from the registry (<see cref="ITrainableStage"/>) nothing is trained: the stored classifier scores each
/// customer's current features and the audience is everyone at or above the probability that made the top percent
/// when it was trained.
/// </summary>
internal sealed class PropensitySegmentStage(StageContext context, PropensitySegmentOptions options) : ISegmentInsights, IScoringAudience
{
    /// <summary>Label shuffles the control averages.</summary>
    private const int ControlShuffles = 5;

    private PurchaseLog? _log;
    private PropensitySet? _training;
    private int _stackedRows;
    private string _source = "";
    private PropensityModel? _model;
    private List<string>? _selected;
    private int _scored;
    private PropensityArtefact? _loaded;
    private double _threshold = double.PositiveInfinity;

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        if (_selected is not null) return;
        var (now, scores) = await ScoreNowAsync(cancellationToken);
        _scored = now.Ids.Count;
        if (_loaded is not null)
            _selected = [.. Enumerable.Range(0, _scored).Where(i => scores[i] >= _threshold).Select(i => now.Ids[i]).Order(StringComparer.Ordinal)];
        else
        {
            var take = (int)Math.Ceiling(_scored * options.TopPercent / 100);
            // Highest probability first; equal probabilities in id order, so the same data always gives the same audience.
            var top = Enumerable.Range(0, _scored).OrderByDescending(i => scores[i]).ThenBy(i => now.Ids[i], StringComparer.Ordinal).Take(take).ToList();
            _threshold = top.Count == 0 ? double.PositiveInfinity : scores[top[^1]];
            _selected = [.. top.Select(i => now.Ids[i]).Order(StringComparer.Ordinal)];
        }
        context.Logger.LogInformation("propensity-segment: top {Percent}% for '{Target}' within {Days} days: {Selected} of {Scored} customers",
            options.TopPercent, options.Target, options.HorizonDays, _selected.Count, _scored);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<IReadOnlyList<Customer>> SelectAsync(AudienceRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_selected is null) await PrepareAsync(cancellationToken);
        await foreach (var batch in SegmentMembers.StreamAsync(context.Customers, _selected!, request.BatchSize, cancellationToken)) yield return batch;
    }

    /// <inheritdoc />
    public async Task<TrainedModel> TrainAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        (_model, _loaded, _selected) = (null, null, null);
        await PrepareAsync(cancellationToken);
        var artefact = new PropensityArtefact([.. _log!.Categories.Words], _threshold, _scored, _selected!.Count, _model!.Save());
        return new TrainedModel(PropensityArtefact.Format, artefact.Write())
        {
            Stats = new Dictionary<string, double> { ["customers scored"] = _scored, ["selected"] = _selected.Count, ["training rows"] = _training!.Rows.Count, ["threshold"] = _threshold },
        };
    }

    /// <inheritdoc />
    public void LoadModel(TrainedModel model)
    {
        var loaded = PropensityArtefact.Read(model);
        (_model, _threshold, _selected) = (PropensityModel.Load(loaded.Model), loaded.Threshold, null);
        _loaded = loaded;
    }

    /// <inheritdoc />
    public async Task<AudienceScores> ScoreCustomersAsync(CancellationToken cancellationToken)
    {
        if (_loaded is null) throw new InvalidOperationException("propensity-segment: no model loaded to score with");
        var (now, scores) = await ScoreNowAsync(cancellationToken);
        return new AudienceScores(now.Ids)
        {
            Probabilities = scores, HorizonDays = options.HorizonDays,
            Outcome = options.Target == "churn" ? PredictedOutcome.NoPurchase : PredictedOutcome.Purchase,
        };
    }

    /// <inheritdoc />
    public async Task<SegmentReport> DescribeAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        if (_loaded is not null)
            return new SegmentReport($"propensity-segment: '{options.Target}' within {options.HorizonDays} days from the stored model (probability >= {_threshold:0.####}), scored from {_source}",
                [new SegmentSummary($"probability >= {_threshold:0.####}", _selected!.Count) { Figures = [new SegmentFigure("customers scored", _scored)] }]);
        var validation = PropensitySet.At(_log!, _log!.Cutoffs.Count - 2, options);
        var labels = validation.Labels;
        var scores = _model!.Score(validation);
        // The control is a mean over several shuffles: one noise fit alone strays by several hundredths.
        var controls = Enumerable.Range(1, ControlShuffles).Select(i => RankQuality.Auc(PropensityModel.Train(_training!, options, shuffleSeed: options.Seed + i).Score(validation), labels)).ToList();
        var what = options.Target == "buy" ? "most likely to buy" : "most likely to churn";
        return new SegmentReport(
            $"propensity-segment: '{options.Target}' within {options.HorizonDays} days; trained at {string.Join(", ", _log.Cutoffs.SkipLast(2).Select(c => c.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}, " +
            $"validated at {_log.Cutoffs[^2]:yyyy-MM-dd}, scored at {_log.Cutoffs[^1]:yyyy-MM-dd} from {_source}",
            [new SegmentSummary($"top {options.TopPercent:0.##}% {what}", _selected!.Count) { Figures = [new SegmentFigure("customers scored", _scored)] }])
        {
            Figures =
            [
                new SegmentFigure("AUC", RankQuality.Auc(scores, labels)),
                new SegmentFigure("PR-AUC", RankQuality.AveragePrecision(scores, labels)),
                new SegmentFigure("lift at top 10%", RankQuality.LiftAt(scores, labels, 0.1)),
                new SegmentFigure("AUC recency only (baseline)", RankQuality.Auc(PropensityModel.Baseline(validation, CustomerFeatures.Recency, options.Target), labels)),
                new SegmentFigure("AUC orders only (baseline)", RankQuality.Auc(PropensityModel.Baseline(validation, CustomerFeatures.Orders, options.Target), labels)),
                new SegmentFigure($"AUC shuffled training labels (control, mean of {ControlShuffles})", controls.Average()),
                new SegmentFigure("AUC shuffled training labels (lowest)", controls.Min()),
                new SegmentFigure("AUC shuffled training labels (highest)", controls.Max()),
                new SegmentFigure("training rows (stacked cutoffs)", _stackedRows),
                new SegmentFigure("training rows used (stratified sample)", _training!.Rows.Count),
                new SegmentFigure("validation customers", labels.Count),
                new SegmentFigure("validation positive rate", labels.Count == 0 ? double.NaN : labels.Count(l => l) / (double)labels.Count),
            ],
        };
    }

    private async Task TrainAsync(CancellationToken cancellationToken)
    {
        if (_model is not null) return;
        var now = await ReferenceTime.ResolveAsync(context.Interactions, options.Anchor, context.Time.GetUtcNow(), options.HorizonDays, cancellationToken);
        var horizon = TimeSpan.FromDays(options.HorizonDays);
        // Oldest first: the training cutoffs, then now − horizon (validation), then now (scoring).
        var cutoffs = Enumerable.Range(0, options.TrainingWindows + 2).Select(i => now - (options.TrainingWindows + 1 - i) * horizon).ToList();
        var categories = await TopCategories.LearnAsync(context.Interactions, context.Catalog, now, cancellationToken);
        _log = await PurchaseLog.LoadAsync(context.Interactions, categories, cutoffs, horizon, cancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // Every training cutoff's rows: labels end at now − horizon at the latest, so validation never leaks into training.
        var stacked = PropensitySet.Concat(Enumerable.Range(0, options.TrainingWindows).Select(i => PropensitySet.At(_log, i, options)));
        _stackedRows = stacked.Rows.Count;
        _training = stacked.Sample(options.MaxTrainingRows, options.Seed);
        _model = PropensityModel.Train(_training, options);
        context.Logger.LogInformation("propensity-segment: trained on {Rows} of {Stacked} rows from {Windows} cutoffs in {Seconds:0.0} s", _training.Rows.Count, _stackedRows,
            options.TrainingWindows, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>Every customer scorable now, with the probability of the target: the stored classifier's, or one trained here.</summary>
    private async Task<(PropensitySet Set, double[] Scores)> ScoreNowAsync(CancellationToken cancellationToken)
    {
        if (_loaded is null)
        {
            await TrainAsync(cancellationToken);
            var set = await ScoringSetAsync(cancellationToken);
            return (set, _model!.Score(set));
        }
        var now = await ReferenceTime.ResolveAsync(context.Interactions, options.Anchor, context.Time.GetUtcNow(), options.HorizonDays, cancellationToken);
        var categories = await TopCategories.FixedAsync(context.Catalog, _loaded.Categories, cancellationToken);
        (var rows, _source) = await FeatureSource.TryProfilesAsync(context, now, categories, cancellationToken);
        // Without profiles the purchases are read once, up to now: no past cutoffs, nothing to train.
        var current = rows is not null ? PropensitySet.FromProfiles(rows, now, options)
            : PropensitySet.At(await PurchaseLog.LoadAsync(context.Interactions, categories, [now], TimeSpan.Zero, cancellationToken), 0, options);
        return (current, _model!.Score(current));
    }

    /// <summary>
    /// The customers scored at now. Training needs the past, which only events hold; now is what the stored profiles say,
    /// when the host keeps them. Both give the same feature vector for the same history (ProfileFeatures; tested), so the
    /// model trained on events applies to profiles unchanged.
    /// </summary>
    private async Task<PropensitySet> ScoringSetAsync(CancellationToken cancellationToken)
    {
        var now = _log!.Cutoffs[^1];
        (var rows, _source) = await FeatureSource.TryProfilesAsync(context, now, _log.Categories, cancellationToken);
        return rows is null ? PropensitySet.At(_log, _log.Cutoffs.Count - 1, options) : PropensitySet.FromProfiles(rows, now, options);
    }
}
