using Campaigns.Data;
using Campaigns.Plugins.Recommenders.Model;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Recommenders;

/// <summary>
/// Item-based collaborative filtering: items bought by the same customers as the customer's own items. Neighbour lists
/// are computed once in <see cref="PrepareAsync"/>, or trained apart and loaded (<see cref="ITrainableStage"/>); a batch
/// then costs only sparse sums, no data access.
/// </summary>
internal sealed class ItemKnnStage(StageContext context, ItemKnnOptions options) : IRecommenderStage, ITrainableStage
{
    private ItemKnnModel? _model;

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken) => _model ??= await FitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<TrainedModel> TrainAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        // The host's readers already see only the window, so fitting is what PrepareAsync does.
        var model = _model = await FitAsync(cancellationToken);
        return new TrainedModel(ItemKnnModel.Format, model.Write())
        {
            Stats = new Dictionary<string, double> { ["items"] = model.Items.Count, ["customers"] = model.Customers.Count, ["pairs"] = model.Matrix.Values.Length },
        };
    }

    /// <inheritdoc />
    public void LoadModel(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Format != ItemKnnModel.Format) throw new InvalidDataException($"item-knn reads models of format {ItemKnnModel.Format}, not {model.Format}");
        _model = ItemKnnModel.Read(model.Artefact);
    }

    private async Task<ItemKnnModel> FitAsync(CancellationToken cancellationToken)
    {
        var started = context.Time.GetTimestamp();
        var log = await EventLog.ReadAsync(context.Interactions, new InteractionQuery(Types: options.EventTypes), _ => 1, cancellationToken);
        var matrix = SparseMatrix.FromLog(log, latestWins: false);
        var weights = matrix.Values;
        // Events per pair become the customer's weight for the item: 1, or 1 + ln(events) so bulk buyers do not dominate.
        for (var k = 0; k < weights.Length; k++) weights[k] = options.Weighting == "log" ? 1 + Math.Log(weights[k]) : 1;
        var (items, sims) = ItemNeighbours.Compute(matrix, matrix.Transpose(), options.Similarity == "jaccard", options.Neighbours, cancellationToken);
        context.Logger.LogInformation("item-knn: {Items} items, {Customers} customers, {Pairs} pairs in {Elapsed}",
            log.Items.Count, log.Customers.Count, weights.Length, context.Time.GetElapsedTime(started));
        return new ItemKnnModel(log.Customers, log.Items, new Popularity(log, matrix), matrix, items, sims);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> RecommendAsync(IReadOnlyList<Customer> customers, RecommendationRequest request, CancellationToken cancellationToken)
    {
        if (_model is null) await PrepareAsync(cancellationToken);
        var m = _model!;
        var trigger = m.Items.Find(request.TriggerItemId);
        var lists = new IReadOnlyList<Recommendation>[customers.Count];
        var scorer = new Scorer(m, options.SelfSimilarity);
        for (var n = 0; n < customers.Count; n++)
        {
            var u = m.Customers.Find(customers[n].Id);
            var candidates = u < 0 ? [] : scorer.Score(u);
            lists[n] = ListBuilder.Build(candidates, request.Count, trigger, m.Popularity, m.Items,
                i => scorer.Best[i] < 0 ? "bought-before" : $"bought-together:{m.Items[scorer.Best[i]]}");
        }
        return lists;
    }

    /// <summary>Dense scratch rows, reused across one batch and reset through the candidate list.</summary>
    private sealed class Scorer(ItemKnnModel m, double selfSimilarity)
    {
        private readonly double[] _scores = new double[m.Items.Count];
        private readonly double[] _bestContribution = new double[m.Items.Count];
        private readonly bool[] _touched = new bool[m.Items.Count];

        /// <summary>The own item j ≠ i that contributed most to item i's score, -1 when none did (valid until the next Score).</summary>
        public int[] Best { get; } = new int[m.Items.Count];

        public List<Candidate> Score(int customer)
        {
            var touched = new List<int>();
            var own = m.Matrix.RowIndexes(customer);
            var weights = m.Matrix.RowValues(customer);
            for (var k = 0; k < own.Length; k++)
            {
                // sim(j, j) = selfSimilarity: 1 keeps the customer's own items candidates, since repeat purchases are common.
                if (selfSimilarity > 0) Add(own[k], weights[k] * selfSimilarity, -1, touched);
                var neighbours = m.Neighbours[own[k]];
                var sims = m.Similarities[own[k]];
                for (var x = 0; x < neighbours.Length; x++) Add(neighbours[x], weights[k] * sims[x], own[k], touched);
            }
            var candidates = new List<Candidate>(touched.Count);
            foreach (var i in touched)
            {
                candidates.Add(new Candidate(i, _scores[i]));
                (_scores[i], _bestContribution[i], _touched[i]) = (0, 0, false);
            }
            return candidates;
        }

        private void Add(int item, double contribution, int from, List<int> touched)
        {
            if (!_touched[item])
            {
                (_touched[item], Best[item]) = (true, -1);
                touched.Add(item);
            }
            _scores[item] += contribution;
            if (from >= 0 && contribution > _bestContribution[item]) (_bestContribution[item], Best[item]) = (contribution, from);
        }
    }
}
