using Campaigns.Data;
using Campaigns.Plugins.Recommenders.Model;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Recommenders;

/// <summary>
/// EASE over the most popular items. <see cref="PrepareAsync"/> reads the events once, builds the Gram matrix XᵀX
/// from each customer's item list, inverts it and keeps the weights B; a batch then sums rows of B, no data access.
/// Trained apart (<see cref="ITrainableStage"/>), the weights come from the stored model and only the customers' items
/// are read: no inversion.
/// </summary>
internal sealed class EaseStage(StageContext context, EaseOptions options) : IRecommenderStage, ITrainableStage
{
    private Model? _model;
    private EaseModel? _trained;

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        var started = context.Time.GetTimestamp();
        var log = await EventLog.ReadAsync(context.Interactions, new InteractionQuery(Types: options.EventTypes), _ => 1, cancellationToken);
        var matrix = SparseMatrix.FromLog(log, latestWins: false);
        var popularity = new Popularity(log, matrix);
        if (_trained is not null)
        {
            _model = Attach(log, popularity, matrix, _trained);
            return;
        }
        var kept = popularity.Ranked[..Math.Min(options.MaxItems, popularity.Ranked.Length)];
        var column = new int[log.Items.Count];
        Array.Fill(column, -1);
        for (var c = 0; c < kept.Length; c++) column[kept[c]] = c;

        var n = kept.Length;
        var weights = new double[n * n];
        // XᵀX of the binary matrix: every pair of kept items in a customer's list adds 1 (the sum of squared basket sizes).
        var cols = new List<int>();
        for (var u = 0; u < matrix.Rows; u++)
        {
            cols.Clear();
            foreach (var i in matrix.RowIndexes(u)) if (column[i] >= 0) cols.Add(column[i]);
            foreach (var a in cols) foreach (var b in cols) weights[a * n + b] += 1;
        }
        for (var d = 0; d < n; d++) weights[d * n + d] += options.Lambda;
        DenseInverse.InvertInPlace(weights, n, cancellationToken);
        // B[i,j] = -P[i,j] / P[j,j], zero diagonal: computed in place, the diagonal of P read first.
        var diagonal = new double[n];
        for (var d = 0; d < n; d++) diagonal[d] = weights[d * n + d];
        Parallel.For(0, n, i =>
        {
            var row = weights.AsSpan(i * n, n);
            for (var j = 0; j < n; j++) row[j] = i == j ? 0 : -row[j] / diagonal[j];
        });
        _model = new Model(log, popularity, matrix, kept, column, EaseWeights.Dense(weights, n));
        context.Logger.LogInformation("ease: {Items} of {AllItems} items, {Customers} customers in {Elapsed}",
            n, log.Items.Count, log.Customers.Count, context.Time.GetElapsedTime(started));
    }

    /// <inheritdoc />
    public async Task<TrainedModel> TrainAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        // The host's readers already see only the window, so fitting is what PrepareAsync does; the stage then scores
        // with the stored form, so what it recommends is what the artefact recommends.
        _trained = null;
        await PrepareAsync(cancellationToken);
        var m = _model!;
        var ids = new IdMap();
        foreach (var i in m.Kept) ids.GetOrAdd(m.Log.Items[i]);
        _trained = new EaseModel(ids, m.Weights.Top(options.StoredWeightsPerItem));
        _model = m with { Weights = _trained.Weights };
        return new TrainedModel(EaseModel.Format, _trained.Write())
        {
            Stats = new Dictionary<string, double> { ["items"] = ids.Count, ["customers"] = m.Log.Customers.Count, ["weights"] = _trained.Weights.Entries },
        };
    }

    /// <inheritdoc />
    public void LoadModel(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Format != EaseModel.Format) throw new InvalidDataException($"ease reads models of format {EaseModel.Format}, not {model.Format}");
        (_trained, _model) = (EaseModel.Read(model.Artefact), null);
    }

    // The stored weights over this run's item indexes: a stored item nobody has bought since is never a candidate.
    private static Model Attach(EventLog log, Popularity popularity, SparseMatrix matrix, EaseModel trained)
    {
        var column = new int[log.Items.Count];
        Array.Fill(column, -1);
        var kept = new int[trained.Items.Count];
        for (var c = 0; c < kept.Length; c++)
            if ((kept[c] = log.Items.Find(trained.Items[c])) >= 0) column[kept[c]] = c;
        return new Model(log, popularity, matrix, kept, column, trained.Weights);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> RecommendAsync(IReadOnlyList<Customer> customers, RecommendationRequest request, CancellationToken cancellationToken)
    {
        if (_model is null) await PrepareAsync(cancellationToken);
        var m = _model!;
        var n = m.Kept.Length;
        var trigger = m.Log.Items.Find(request.TriggerItemId);
        var lists = new IReadOnlyList<Recommendation>[customers.Count];
        var scores = new double[n];
        for (var c = 0; c < customers.Count; c++)
        {
            var u = m.Log.Customers.Find(customers[c].Id);
            var own = new List<int>();
            if (u >= 0) foreach (var i in m.Matrix.RowIndexes(u)) if (m.Column[i] >= 0) own.Add(m.Column[i]);
            Array.Clear(scores);
            foreach (var a in own) m.Weights.AddRow(a, scores);
            var candidates = new List<Candidate>();
            for (var j = 0; j < n; j++) if (scores[j] > 0 && m.Kept[j] >= 0) candidates.Add(new Candidate(m.Kept[j], scores[j]));
            lists[c] = ListBuilder.Build(candidates, request.Count, trigger, m.Popularity, m.Log.Items, item => Reason(m, own, m.Column[item]));
        }
        return lists;
    }

    // The own item with the largest weight towards the recommended one: the "because you bought" of the list.
    private static string Reason(Model m, List<int> own, int j)
    {
        var best = -1;
        foreach (var a in own) if (a != j && (best < 0 || m.Weights.Weight(a, j) > m.Weights.Weight(best, j))) best = a;
        return best < 0 ? "ease" : $"bought-together:{m.Log.Items[m.Kept[best]]}";
    }

    /// <summary>Ids, popularity, each customer's items, column → item index (-1: not in this run's events), item → column (-1: not kept) and B.</summary>
    private sealed record Model(EventLog Log, Popularity Popularity, SparseMatrix Matrix, int[] Kept, int[] Column, EaseWeights Weights);
}
