using System.Diagnostics;
using Campaigns.Data;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Evaluation;

/// <summary>
/// Evaluates recommender stages offline. There is no separate algorithm code path: each algorithm is the registered
/// stage campaigns use, bound from the same options JSON, built over in-memory readers of the training split and a
/// clock stopped at the end of training, then asked for every evaluated user's list in batches.
/// </summary>
/// <param name="registry">Where the stage keys are looked up (the host's, with its plugins).</param>
/// <param name="loggers">Loggers handed to the stages.</param>
/// <param name="dataFolder">A folder stages may write to (model caches); created if missing.</param>
public sealed class OfflineEvaluator(StageRegistry registry, ILoggerFactory loggers, string dataFolder)
{
    private static readonly CampaignRunInfo Run = new("evaluate", 0, "evaluate");

    /// <summary>Why <c>--validation</c> is refused with a temporal split (the verb says it before loading the file).</summary>
    public const string ValidationNeedsStratified =
        "--validation needs a stratified split; for a temporal split, evaluate the events before --split-at with an earlier --split-at";

    /// <summary>Splits <paramref name="data"/>, then evaluates each algorithm in turn on the same split.</summary>
    /// <exception cref="EvaluationException">An algorithm is unknown or its options are invalid (checked before anything runs), the split is empty, or no user can be evaluated.</exception>
    public async Task<IReadOnlyList<AlgorithmResult>> RunAsync(InteractionSet data, EvaluationSettings settings, IReadOnlyList<AlgorithmChoice> algorithms, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.K, 1);
        var stages = StageResolver.Resolve(registry, algorithms);
        // A temporal split would need a second, earlier instant: tuning there cuts the file at the split instant instead.
        if (settings.Validation && settings.Split.Kind == SplitKind.Temporal)
            throw new EvaluationException(ValidationNeedsStratified);
        var split = Splitter.Split(data.Events, settings.Split);
        if (settings.Validation) split = Splitter.Split(split.Train, settings.Split);
        var truth = new GroundTruth(split, settings.RemoveSeen);
        if (truth.Users.Count == 0)
            throw new EvaluationException("no user has both a training interaction and a relevant test item: nothing to evaluate");

        var training = new TrainingData(split.Train, data.Items);
        var context = (StageRegistration stage) => new StageContext
        {
            Customers = training,
            Catalog = training,
            Interactions = training,
            Time = new FixedClock(split.Now),
            Logger = loggers.CreateLogger($"Campaigns.Evaluation.{stage.Key}"),
            Run = Run,
            DataFolder = Directory.CreateDirectory(dataFolder).FullName,
        };

        var results = new List<AlgorithmResult>(stages.Count);
        foreach (var (stage, options) in stages)
        {
            var recommender = (IRecommenderStage)stage.Create(context(stage), options);
            try
            {
                results.Add(await EvaluateAsync(stage.Key, recommender, truth, settings, cancellationToken));
            }
            finally
            {
                await StageDisposal.DisposeAsync(recommender);
            }
        }
        return results;
    }

    /// <summary>Prepares <paramref name="stage"/> and scores its lists for every user of <paramref name="truth"/>.</summary>
    internal static async Task<AlgorithmResult> EvaluateAsync(string key, IRecommenderStage stage, GroundTruth truth, EvaluationSettings settings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await stage.PrepareAsync(cancellationToken);
        var trainSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var lists = new IReadOnlyList<Recommendation>[truth.Users.Count];
        var recommend = TimeSpan.Zero;
        for (var offset = 0; offset < truth.Users.Count; offset += settings.BatchSize)
        {
            var users = truth.Users.Skip(offset).Take(settings.BatchSize).ToArray();
            var count = settings.K + (settings.RemoveSeen ? Math.Min(settings.MaxExtraForSeen, users.Max(u => truth.Seen(u).Count)) : 0);
            var customers = users.Select(u => new Customer(u)).ToArray();
            started = Stopwatch.GetTimestamp();
            var batch = await stage.RecommendAsync(customers, new RecommendationRequest(count), cancellationToken);
            recommend += Stopwatch.GetElapsedTime(started);
            if (batch.Count != users.Length)
                throw new EvaluationException($"{key} returned {batch.Count} lists for {users.Length} customers");
            for (var i = 0; i < users.Length; i++) lists[offset + i] = batch[i];
        }
        return Score(key, lists, truth, settings) with { TrainSeconds = trainSeconds, RecommendSeconds = recommend.TotalSeconds };
    }

    private static AlgorithmResult Score(string key, IReadOnlyList<Recommendation>[] lists, GroundTruth truth, EvaluationSettings settings)
    {
        double ndcg = 0, precision = 0, recall = 0, map = 0, hit = 0;
        var recommended = new HashSet<string>(StringComparer.Ordinal);
        for (var u = 0; u < lists.Length; u++)
        {
            var user = truth.Users[u];
            var seen = settings.RemoveSeen ? truth.Seen(user) : null;
            var top = TopK(lists[u], seen, settings.K);
            recommended.UnionWith(top);
            var s = RankingMetrics.Score(top, truth.Relevant(user), settings.K);
            (ndcg, precision, recall, map, hit) = (ndcg + s.Ndcg, precision + s.Precision, recall + s.Recall, map + s.Map, hit + s.Hit);
        }
        double n = lists.Length;
        return new AlgorithmResult(key, settings.K, lists.Length, ndcg / n, precision / n, recall / n, map / n, hit / n,
            truth.TrainItems == 0 ? 0 : (double)recommended.Count / truth.TrainItems, 0, 0);
    }

    /// <summary>The first k distinct items of the list, leaving out items the user has seen when <paramref name="seen"/> is given.</summary>
    internal static List<string> TopK(IReadOnlyList<Recommendation> list, IReadOnlySet<string>? seen, int k)
    {
        var top = new List<string>(k);
        foreach (var r in list)
        {
            if (top.Count == k) break;
            if (seen is not null && seen.Contains(r.ItemId)) continue;
            if (!top.Contains(r.ItemId)) top.Add(r.ItemId);
        }
        return top;
    }
}
