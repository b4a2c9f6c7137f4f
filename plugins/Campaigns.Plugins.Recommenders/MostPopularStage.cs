using Campaigns.Data;
using Campaigns.Plugins.Shared;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Recommenders;

/// <summary>
/// Recommends the items with the most distinct customers in the window. The ranking is computed once in
/// <see cref="PrepareAsync"/> with one aggregate query; every customer then shares the same list, so a batch costs
/// no data access at all.
/// </summary>
internal sealed class MostPopularStage(StageContext context, MostPopularOptions options) : IRecommenderStage
{
    private Recommendation[]? _ranked;

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        var (window, ranked) = await EventWindow.ChooseAsync(context.Interactions, options.Anchor, context.Time.GetUtcNow(), options.WindowDays, options.EventTypes,
            async w => { var (events, items) = await RankAsync(w, cancellationToken); return (items, events == 0); }, cancellationToken);

        var reason = $"popular:{window.Label}";
        _ranked = [.. ranked.Select(a => new Recommendation(a.ItemId, a.Customers, reason))];
        context.Logger.LogInformation("most-popular: {Count} items ranked over {Since:o}..{Until:o} ({Reason})", _ranked.Length, window.Since, window.Until, reason);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> RecommendAsync(IReadOnlyList<Customer> customers, RecommendationRequest request, CancellationToken cancellationToken)
    {
        if (_ranked is null) await PrepareAsync(cancellationToken);
        // One list per call, shared by every customer of the batch: the list is the same for everyone.
        IReadOnlyList<Recommendation> list = [.. _ranked!.Where(r => r.ItemId != request.TriggerItemId).Take(Math.Max(0, request.Count))];
        var lists = new IReadOnlyList<Recommendation>[customers.Count];
        Array.Fill(lists, list);
        return lists;
    }

    // Returns how many items had matching events at all (0 means the window is empty) and the in-stock ranking.
    private async Task<(int Events, List<ItemActivity> Ranked)> RankAsync(EventWindow window, CancellationToken cancellationToken)
    {
        var query = window.Query(options.EventTypes);
        var top = options.PoolSize * 2;
        while (true)
        {
            var activity = await context.Interactions.CountByItemAsync(query, top, cancellationToken);
            var inStock = await KeepInStockAsync(activity, cancellationToken);
            // Enough in-stock items, or the store has no more to give: done. Otherwise look deeper down the ranking.
            if (inStock.Count >= options.PoolSize || activity.Count < top)
                return (activity.Count, [.. inStock.Take(options.PoolSize)]);
            top = top > int.MaxValue / 4 ? int.MaxValue : top * 4;
        }
    }

    private async Task<List<ItemActivity>> KeepInStockAsync(IReadOnlyList<ItemActivity> activity, CancellationToken cancellationToken)
    {
        if (activity.Count == 0) return [];
        var items = await context.Catalog.GetManyAsync([.. activity.Select(a => a.ItemId)], cancellationToken);
        var sellable = items.Where(i => i.Stock is null or > 0).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        // The reader orders by customers; ties are broken here so every store gives the same ranking.
        return [.. activity.Where(a => sellable.Contains(a.ItemId))
            .OrderByDescending(a => a.Customers).ThenByDescending(a => a.Events).ThenBy(a => a.ItemId, StringComparer.Ordinal)];
    }
}
