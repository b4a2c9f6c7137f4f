using Campaigns.Data;
using Campaigns.Plugins.Recommenders.Model;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Recommenders;

/// <summary>
/// Content-based recommender: cosine between a customer's profile (recency-weighted sum of their items' TF-IDF and
/// attribute vectors) and every catalogue item, items without any event included. The catalogue and the events are
/// read once in <see cref="PrepareAsync"/>; a batch then costs inverted-index sums, no data access. Trained apart
/// (<see cref="ITrainableStage"/>), the item vectors come from the stored model and only the events are read.
/// </summary>
internal sealed class ContentBasedStage(StageContext context, ContentBasedOptions options) : IRecommenderStage, ITrainableStage
{
    private const int CatalogBatchSize = 1_000;
    private Model? _model;
    private ContentBasedModel? _trained;

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        var started = context.Time.GetTimestamp();
        var log = await EventLog.ReadAsync(context.Interactions, new InteractionQuery(Types: options.EventTypes), _ => 1, cancellationToken);
        // The catalogue's items (or the stored model's) join the log's index after the log's own, so items nobody
        // touched can be recommended too.
        var vectors = _trained?.Attach(log.Items) ?? ItemVectors.Build(await CatalogAsync(cancellationToken), log.Items, options.AttributeWeight);
        var groups = SparseMatrix.GroupPairs(log);
        var pairs = SparseMatrix.FromGroups(log, groups, events => events.Length);
        var (items, weights) = Profiles(log, groups, pairs);
        _model = new Model(log, new Popularity(log, pairs), vectors, pairs.Offsets, items, weights);
        context.Logger.LogInformation("content-based: {Items} items, {Tokens} tokens, {Customers} customers in {Elapsed}",
            log.Items.Count, vectors.TokenCount, log.Customers.Count, context.Time.GetElapsedTime(started));
    }

    /// <inheritdoc />
    public async Task<TrainedModel> TrainAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        // The host's readers already see only the window, so fitting is what PrepareAsync does.
        _trained = null;
        await PrepareAsync(cancellationToken);
        var m = _model!;
        return new TrainedModel(ContentBasedModel.Format, ContentBasedModel.Write(m.Log.Items, m.Vectors))
        {
            Stats = new Dictionary<string, double> { ["items"] = m.Log.Items.Count, ["tokens"] = m.Vectors.TokenCount, ["entries"] = m.Vectors.Tokens.Length },
        };
    }

    /// <inheritdoc />
    public void LoadModel(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Format != ContentBasedModel.Format) throw new InvalidDataException($"content-based reads models of format {ContentBasedModel.Format}, not {model.Format}");
        (_trained, _model) = (ContentBasedModel.Read(model.Artefact), null);
    }

    private async Task<List<CatalogItem>> CatalogAsync(CancellationToken cancellationToken)
    {
        var catalog = new List<CatalogItem>();
        await foreach (var batch in context.Catalog.ReadAllAsync(CatalogBatchSize, cancellationToken)) catalog.AddRange(batch);
        return catalog;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> RecommendAsync(IReadOnlyList<Customer> customers, RecommendationRequest request, CancellationToken cancellationToken)
    {
        if (_model is null) await PrepareAsync(cancellationToken);
        var m = _model!;
        var trigger = m.Log.Items.Find(request.TriggerItemId);
        var lists = new IReadOnlyList<Recommendation>[customers.Count];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, customers.Count, parallel, () => new ContentScorer(m.Vectors), (n, _, scorer) =>
        {
            var u = m.Log.Customers.Find(customers[n].Id);
            var length = u < 0 ? 0 : Math.Min(options.MaxProfileItems, m.Offsets[u + 1] - m.Offsets[u]);
            var own = m.Items.AsSpan(u < 0 ? 0 : m.Offsets[u], length);
            var weights = m.Weights.AsSpan(u < 0 ? 0 : m.Offsets[u], length);
            var candidates = length == 0 ? [] : scorer.Score(own, weights, request.Count);
            var ownItems = own.ToArray();
            var ownWeights = weights.ToArray();
            lists[n] = ListBuilder.Build(candidates, request.Count, trigger, m.Popularity, m.Log.Items, i => Reason(m, scorer, ownItems, ownWeights, i));
            return scorer;
        }, _ => { });
        return lists;
    }

    // The customer's item (other than i itself) contributing most to i's score; "content" when none does.
    private static string Reason(Model m, ContentScorer scorer, int[] own, float[] weights, int item)
    {
        var (best, bestContribution) = (-1, 0f);
        for (var k = 0; k < own.Length; k++)
        {
            if (own[k] == item) continue;
            var contribution = weights[k] * scorer.Similarity(own[k], item);
            if (contribution > bestContribution) (best, bestContribution) = (own[k], contribution);
        }
        return best < 0 ? "content" : $"similar-to:{m.Log.Items[best]}";
    }

    // Per customer, their items most recent first (aligned with the pair matrix's rows), each weighted by the sum of its
    // events' 0.5^(age / half-life) with age from the latest event, scaled so the customer's largest weight is 1.
    private (int[] Items, float[] Weights) Profiles(EventLog log, (long[] Keys, int[] Events) groups, SparseMatrix pairs)
    {
        var items = new int[pairs.Indexes.Length];
        var weights = new double[pairs.Indexes.Length];
        var last = new long[pairs.Indexes.Length];
        var halfLife = options.HalfLifeDays * TimeSpan.TicksPerDay;
        for (int start = 0, k = 0; start < groups.Keys.Length; k++)
        {
            var end = SparseMatrix.RunEnd(groups.Keys, start);
            items[k] = pairs.Indexes[k];
            foreach (var e in groups.Events.AsSpan(start, end - start))
            {
                weights[k] += Math.Pow(0.5, (log.LatestTicks - log.Ticks[e]) / halfLife);
                last[k] = Math.Max(last[k], log.Ticks[e]);
            }
            start = end;
        }
        var scaled = new float[weights.Length];
        for (var u = 0; u < pairs.Rows; u++)
        {
            var (from, length) = (pairs.Offsets[u], pairs.RowLength(u));
            // Most recent first; ties by item index, so the profile does not depend on the sort's stability.
            var order = Enumerable.Range(from, length).OrderByDescending(k => last[k]).ThenBy(k => items[k]).ToArray();
            var row = order.Select(k => (items[k], weights[k])).ToArray();
            var max = row.Take(options.MaxProfileItems).Select(r => r.Item2).DefaultIfEmpty(1).Max();
            for (var x = 0; x < row.Length; x++)
                (items[from + x], scaled[from + x]) = (row[x].Item1, max > 0 ? (float)(row[x].Item2 / max) : 0f);
        }
        return (items, scaled);
    }

    private sealed record Model(EventLog Log, Popularity Popularity, ItemVectors Vectors, int[] Offsets, int[] Items, float[] Weights);
}
