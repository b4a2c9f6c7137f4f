using Campaigns.Data;
using Campaigns.Plugins.Ranking.Candidates;
using Campaigns.Plugins.Ranking.Features;
using Campaigns.Plugins.Ranking.Learning;
using Campaigns.Plugins.Recommenders;
using Campaigns.Plugins.Recommenders.Model;
using Campaigns.Plugins.Shared;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Ranking;

/// <summary>
/// Learning to rank over other recommenders' candidates. <see cref="PrepareAsync"/> builds every source as of now and
/// once more as of each label window's inner cutoff (its start; the first window ends at the anchor, now or just after
/// the latest event), trains LightGBM on what customers bought in each window (<see cref="ModelBuilder"/>, one ranker
/// per bag), and keeps the history as of the anchor;
/// a batch then collects candidates, computes features and scores them.
/// </summary>
internal sealed partial class RerankerStage : IRecommenderStage
{
    // Below this many customers a batch is not worth splitting across cores.
    private const int MinChunk = 100;

    private readonly StageContext _context;
    private readonly RerankerOptions _options;
    private readonly CandidatePool _serving;
    private Model? _model;

    public RerankerStage(StageContext context, RerankerOptions options)
    {
        (_context, _options) = (context, options);
        _serving = Pool(context, options);
    }

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        var started = _context.Time.GetTimestamp();
        var now = _context.Time.GetUtcNow();
        var serving = _serving.PrepareAsync(cancellationToken);
        var log = await EventLog.ReadAsync(_context.Interactions, new InteractionQuery(Until: now, Types: _options.EventTypes), e => e.Quantity, cancellationToken);
        var anchor = Anchor(log, now);
        // A stored model (ITrainableStage) skips the label windows and the training; the sources still fit above.
        var (rankers, seen) = _stored is not null ? (_stored.Model, new TrainingSummary(0, 0, 0, 0))
            : await ModelBuilder.TrainAsync(_context, _options, log, anchor, _serving.SourceCount, c => Pool(c, _options), cancellationToken);
        await serving;
        _model = new Model(History.Build(log, anchor.UtcTicks, _options.Features), rankers);
        if (_stored is not null)
        {
            _context.Logger.LogInformation("reranker: the stored model's {Rankers} ranker(s) order the candidates; sources ready in {Elapsed}",
                rankers?.Count ?? 0, _context.Time.GetElapsedTime(started));
            return;
        }
        // Without a single positive there is nothing to learn: the candidates then keep their merge order.
        if (rankers is null)
            _context.Logger.LogWarning("reranker: nobody with earlier purchases bought again in the {Windows} label window(s) before {Anchor}; candidates keep their sources' order",
                _options.LabelWindows, anchor);
        _context.Logger.LogInformation("reranker: {Bags} bag(s) of {Windows} label window(s) up to {Anchor}, {Rows} candidates of {Customers} customers ({Positives} bought, candidate recall {Recall:P1}), trained in {Elapsed}",
            _options.Bags, _options.LabelWindows, anchor, seen.Rows, seen.Customers, seen.Positives, seen.Bought > 0 ? (double)seen.Positives / seen.Bought : 0, _context.Time.GetElapsedTime(started));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> RecommendAsync(IReadOnlyList<Customer> customers, RecommendationRequest request, CancellationToken cancellationToken)
    {
        if (_model is null) await PrepareAsync(cancellationToken);
        // Scoring is CPU work on read-only state: a large batch is cut into one chunk per core (the sources allow
        // parallel batches), so one caller asking for many customers still uses the whole machine.
        var size = Math.Max(MinChunk, (customers.Count + Environment.ProcessorCount - 1) / Environment.ProcessorCount);
        var chunks = customers.Chunk(size).ToArray();
        var ranked = await Task.WhenAll(chunks.Select(chunk => Task.Run(() => RankAsync(_model!, chunk, request, cancellationToken), cancellationToken)));
        return [.. ranked.SelectMany(lists => lists)];
    }

    private async Task<IReadOnlyList<Recommendation>[]> RankAsync(Model m, Customer[] customers, RecommendationRequest request, CancellationToken cancellationToken)
    {
        var candidates = await _serving.CollectAsync(customers, request.Count, request.TriggerItemId, cancellationToken);
        var table = new FeatureTable(FeatureVector.Length(_serving.SourceCount));
        for (var c = 0; c < customers.Length; c++)
        {
            var u = m.History.Log.Customers.Find(customers[c].Id);
            table.AddGroup((uint)c, m.History, u, candidates[c], _options.LabelDays, _ => 0);
        }
        var scores = m.Rankers?.Score(table);
        var lists = new IReadOnlyList<Recommendation>[customers.Length];
        var row = 0;
        for (var c = 0; c < customers.Length; c++)
        {
            var items = candidates[c];
            // Without a model, the merge order is the ranking: score = 1 / position.
            var scored = items.Select((item, i) => (Item: item, Score: scores is null ? 1.0 / (i + 1) : scores[row + i], Position: i));
            lists[c] = [.. scored
                .OrderByDescending(s => s.Score).ThenBy(s => s.Position)
                .Take(request.Count)
                .Select(s => new Recommendation(s.Item.ItemId, s.Score, s.Item.Reason))];
            row += items.Count;
        }
        return lists;
    }

    // The end of the label window (and the instant of the serving features): now, or just after the latest event.
    private DateTimeOffset Anchor(EventLog log, DateTimeOffset now)
    {
        if (_options.Anchor == WindowAnchors.Now || log.Count == 0) return now;
        var latest = new DateTimeOffset(log.LatestTicks, TimeSpan.Zero).AddTicks(1);
        if (_options.Anchor == WindowAnchors.LatestEvent) return latest;
        return latest > now.AddDays(-_options.LabelDays) ? now : latest;
    }

    private static CandidatePool Pool(StageContext context, RerankerOptions options) => new(
        [.. options.Candidates.Select(source =>
        {
            if (!CandidateSources.TryGet(source.Key, out var factory)) throw new ArgumentException($"'{source.Key}' is not a candidate source.");
            return factory.Create(context, HybridChildren.Bind(factory, source.Options)!);
        })],
        [.. options.Candidates.Select(c => c.Depth)]);

    /// <summary>The history as of now (serving features) and the trained model (null when there was nothing to learn).</summary>
    private sealed record Model(History History, Ensemble? Rankers);
}
