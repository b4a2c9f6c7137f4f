using Campaigns.Data;
using Campaigns.Plugins.Recommenders.Model;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Recommenders;

/// <summary>
/// Implicit ALS matrix factorisation. <see cref="PrepareAsync"/> reads the events once and fits customer and item
/// profiles; a batch then costs one dot product per customer and item, no data access.
/// </summary>
internal sealed class IalsStage(StageContext context, IalsOptions options) : IRecommenderStage
{
    private Model? _model;

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        var started = context.Time.GetTimestamp();
        var log = await EventLog.ReadAsync(context.Interactions, new InteractionQuery(Types: options.EventTypes), _ => 1, cancellationToken);
        var matrix = SparseMatrix.FromLog(log, latestWins: false);
        var (customers, items) = ImplicitAls.Fit(matrix, options, cancellationToken);
        _model = new Model(log, new Popularity(log, matrix), customers, items);
        context.Logger.LogInformation("ials: {Customers} customers, {Items} items, {Factors} factors, {Iterations} rounds in {Elapsed}",
            log.Customers.Count, log.Items.Count, options.Factors, options.Iterations, context.Time.GetElapsedTime(started));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> RecommendAsync(IReadOnlyList<Customer> customers, RecommendationRequest request, CancellationToken cancellationToken)
    {
        if (_model is null) await PrepareAsync(cancellationToken);
        var m = _model!;
        var f = options.Factors;
        var itemCount = m.Log.Items.Count;
        var trigger = m.Log.Items.Find(request.TriggerItemId);
        var lists = new IReadOnlyList<Recommendation>[customers.Count];
        for (var c = 0; c < customers.Count; c++)
        {
            var u = m.Log.Customers.Find(customers[c].Id);
            var candidates = new List<Candidate>(u < 0 ? 0 : itemCount);
            if (u >= 0)
            {
                var profile = m.Customers.AsSpan(u * f, f);
                // Only positive predictions are personal: the rest would rank below the popular back-fill anyway.
                for (var i = 0; i < itemCount; i++)
                {
                    var score = Vectors.Dot(profile, m.Items.AsSpan(i * f, f));
                    if (score > 0) candidates.Add(new Candidate(i, score));
                }
            }
            lists[c] = ListBuilder.Build(candidates, request.Count, trigger, m.Popularity, m.Log.Items, _ => "similar-taste");
        }
        return lists;
    }

    /// <summary>Ids, popularity and the fitted profiles (row-major, <c>Factors</c> numbers a row).</summary>
    private sealed record Model(EventLog Log, Popularity Popularity, double[] Customers, double[] Items);
}
