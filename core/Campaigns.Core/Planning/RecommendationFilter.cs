using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Planning;

/// <summary>
/// Applies <see cref="RecommendationFilters"/> to one customer's candidate list: trigger item, recent purchases, stock,
/// categories, price, tag boost (stable re-sort), per-category cap (greedy in score order); then back-fills from
/// popularity through the same filters, with the reason <see cref="BackfillReason"/>. A pure function.
/// </summary>
internal static class RecommendationFilter
{
    /// <summary>The reason of a back-filled item.</summary>
    public const string BackfillReason = "backfill:popular";

    private const int MaxCandidates = 500;

    /// <summary>How many candidates to ask the recommender for when filters are set.</summary>
    public static int CandidateCount(int count) => Math.Max(count, Math.Min(count * 4 + 20, MaxCandidates));

    /// <summary>The filtered list, at most <paramref name="count"/> long, best first.</summary>
    /// <param name="candidates">The recommender's list, best first.</param>
    /// <param name="filters">The campaign's filters.</param>
    /// <param name="count">How many items the customer gets.</param>
    /// <param name="items">Catalogue items by id; candidates not in it are dropped.</param>
    /// <param name="purchased">Items the customer bought within the filter's window (empty when not asked).</param>
    /// <param name="triggerItemId">The item that triggered the message, if any.</param>
    /// <param name="popular">Back-fill items, most popular first.</param>
    public static List<Recommendation> Apply(IReadOnlyList<Recommendation> candidates, RecommendationFilters filters, int count,
        IReadOnlyDictionary<string, CatalogItem> items, IReadOnlySet<string> purchased, string? triggerItemId, IReadOnlyList<string> popular)
    {
        var kept = new List<(Recommendation Recommendation, CatalogItem Item)>(candidates.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (!seen.Add(candidate.ItemId) || !items.TryGetValue(candidate.ItemId, out var item)) continue;
            if (Passes(item, filters, purchased, triggerItemId)) kept.Add((candidate with { Score = Boosted(candidate.Score, item, filters) }, item));
        }
        // OrderByDescending is stable: equal scores keep the recommender's order.
        var ordered = filters.BoostTags.Count == 0 ? kept : [.. kept.OrderByDescending(k => k.Recommendation.Score)];

        var result = new List<Recommendation>(count);
        var perCategory = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (recommendation, item) in ordered)
        {
            if (result.Count == count) break;
            if (TakeCategory(item, filters, perCategory)) result.Add(recommendation);
        }

        foreach (var id in popular)
        {
            if (result.Count >= count) break;
            if (!seen.Add(id) || !items.TryGetValue(id, out var item) || !Passes(item, filters, purchased, triggerItemId)) continue;
            if (TakeCategory(item, filters, perCategory)) result.Add(new Recommendation(id, 0, BackfillReason));
        }
        return result;
    }

    private static bool Passes(CatalogItem item, RecommendationFilters filters, IReadOnlySet<string> purchased, string? triggerItemId)
    {
        if (filters.ExcludeTriggerItem && triggerItemId is not null && item.Id == triggerItemId) return false;
        if (filters.ExcludePurchasedWithinDays is not null && purchased.Contains(item.Id)) return false;
        if (filters.InStockOnly && item.Stock is <= 0) return false;
        if (filters.IncludeCategories.Count > 0 && (item.Category is null || !filters.IncludeCategories.Contains(item.Category))) return false;
        if (item.Category is not null && filters.ExcludeCategories.Contains(item.Category)) return false;
        if (filters.MinPrice is { } min && item.Price < min) return false;
        return filters.MaxPrice is not { } max || item.Price <= max;
    }

    private static double Boosted(double score, CatalogItem item, RecommendationFilters filters)
    {
        if (filters.BoostTags.Count == 0) return score;
        var boost = item.Tags.Distinct(StringComparer.Ordinal).Sum(tag => filters.BoostTags.GetValueOrDefault(tag));
        return score * (1 + boost);
    }

    /// <summary>Counts the item against its category's cap; false when the cap is reached. Items without a category are not capped.</summary>
    private static bool TakeCategory(CatalogItem item, RecommendationFilters filters, Dictionary<string, int> perCategory)
    {
        if (filters.MaxPerCategory is not { } cap || item.Category is null) return true;
        var taken = perCategory.GetValueOrDefault(item.Category);
        if (taken >= cap) return false;
        perCategory[item.Category] = taken + 1;
        return true;
    }
}
