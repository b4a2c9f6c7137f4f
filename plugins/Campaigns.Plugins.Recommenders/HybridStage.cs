using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Plugins.Recommenders;

/// <summary>
/// Blends the lists of other recommenders of this plugin. The children are built from the options when the stage is,
/// prepared together in <see cref="PrepareAsync"/>, and each asked for a deeper list than requested.
/// </summary>
internal sealed class HybridStage : IRecommenderStage
{
    /// <summary>The constant of reciprocal rank fusion (Cormack et al. 2009).</summary>
    private const double RankConstant = 60;

    private readonly (IRecommenderStage Stage, double Weight)[] _children;
    private readonly bool _byScore;
    private bool _prepared;

    public HybridStage(StageContext context, HybridOptions options)
    {
        _byScore = options.Blend == "score";
        _children = [.. options.Stages.Select(child =>
        {
            if (!HybridChildren.TryGet(child.Key, out var factory)) throw new ArgumentException($"'{child.Key}' is not a recommender the hybrid can blend.");
            return (factory.Create(context, HybridChildren.Bind(factory, child.Options)!), child.Weight);
        })];
    }

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_children.Select(c => c.Stage.PrepareAsync(cancellationToken).AsTask()));
        _prepared = true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> RecommendAsync(IReadOnlyList<Customer> customers, RecommendationRequest request, CancellationToken cancellationToken)
    {
        if (!_prepared) await PrepareAsync(cancellationToken);
        var deeper = request with { Count = Math.Max(30, 3 * request.Count) };
        var childLists = await Task.WhenAll(_children.Select(c => c.Stage.RecommendAsync(customers, deeper, cancellationToken)));
        var lists = new IReadOnlyList<Recommendation>[customers.Count];
        for (var c = 0; c < customers.Count; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lists[c] = Blend(childLists.Select(l => l[c]).ToArray(), request);
        }
        return lists;
    }

    private IReadOnlyList<Recommendation> Blend(IReadOnlyList<Recommendation>[] lists, RecommendationRequest request)
    {
        // Insertion order = the first child's order, then the items only later children have: the tie-break.
        var blended = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var s = 0; s < lists.Length; s++)
        {
            var list = lists[s];
            var best = list.Count > 0 ? list.Max(r => r.Score) : 0;
            for (var rank = 0; rank < list.Count; rank++)
            {
                var r = list[rank];
                if (r.ItemId == request.TriggerItemId) continue;
                var part = _children[s].Weight * (_byScore
                    ? best > 0 ? Math.Clamp(r.Score / best, 0, 1) : 0
                    : 1 / (rank + 1 + RankConstant));
                if (!blended.TryGetValue(r.ItemId, out var entry))
                {
                    entry = new Entry(order.Count);
                    blended[r.ItemId] = entry;
                    order.Add(r.ItemId);
                }
                entry.Add(part, r.Reason);
            }
        }
        return [.. order
            .OrderByDescending(id => blended[id].Score)
            .ThenBy(id => blended[id].Position)
            .Take(request.Count)
            .Select(id => new Recommendation(id, blended[id].Score, blended[id].Reason))];
    }

    /// <summary>An item's blended score so far and the reason of its largest contribution.</summary>
    private sealed class Entry(int position)
    {
        private double _largest = double.NegativeInfinity;

        public int Position { get; } = position;

        public double Score { get; private set; }

        public string Reason { get; private set; } = "";

        public void Add(double part, string reason)
        {
            Score += part;
            if (part > _largest)
            {
                _largest = part;
                Reason = reason;
            }
        }
    }
}
