using Campaigns.Data;
using Campaigns.Plugins.Recommenders.Model;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Recommenders;

/// <summary>
/// User-based collaborative filtering with the similarity-weighted average of the k most similar raters. The rating
/// matrix and its transpose are built once in <see cref="PrepareAsync"/>; a batch computes each customer's
/// neighbourhood from them (sparse, no data access), customers in parallel.
/// </summary>
internal sealed class UserKnnStage(StageContext context, UserKnnOptions options) : IRecommenderStage
{
    private Model? _model;

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        var started = context.Time.GetTimestamp();
        var values = options.RatingsAreValues;
        var log = await EventLog.ReadAsync(context.Interactions, new InteractionQuery(Types: options.EventTypes),
            e => values ? (double)e.Value : e.Quantity, cancellationToken);
        var ratings = SparseMatrix.FromLog(log, latestWins: values);
        var norms = new double[ratings.Rows];
        for (var u = 0; u < ratings.Rows; u++)
        {
            double sum = 0;
            foreach (var r in ratings.RowValues(u)) sum += r * r;
            norms[u] = Math.Sqrt(sum);
        }
        _model = new Model(log, new Popularity(log, ratings), ratings, ratings.Transpose(), norms);
        context.Logger.LogInformation("user-knn: {Customers} customers, {Items} items, {Ratings} ratings in {Elapsed}",
            log.Customers.Count, log.Items.Count, ratings.Values.Length, context.Time.GetElapsedTime(started));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> RecommendAsync(IReadOnlyList<Customer> customers, RecommendationRequest request, CancellationToken cancellationToken)
    {
        if (_model is null) await PrepareAsync(cancellationToken);
        var m = _model!;
        var trigger = m.Log.Items.Find(request.TriggerItemId);
        var lists = new IReadOnlyList<Recommendation>[customers.Count];
        Parallel.For(0, customers.Count, new ParallelOptions { CancellationToken = cancellationToken }, () => new UserKnnScorer(m, options.Neighbours), (n, _, scorer) =>
        {
            var u = m.Log.Customers.Find(customers[n].Id);
            var candidates = u < 0 ? [] : scorer.Score(u);
            lists[n] = ListBuilder.Build(candidates, request.Count, trigger, m.Popularity, m.Log.Items, i => $"similar-customers:{scorer.Raters[i]}");
            return scorer;
        }, _ => { });
        return lists;
    }

    /// <summary>What a batch needs: ids, popularity, ratings by customer and by item, and each customer's rating norm.</summary>
    internal sealed record Model(EventLog Log, Popularity Popularity, SparseMatrix Ratings, SparseMatrix Raters, double[] Norms);
}
