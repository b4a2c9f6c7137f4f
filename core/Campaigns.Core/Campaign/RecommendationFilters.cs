namespace Campaigns.Campaign;

/// <summary>
/// Business filters the planner applies to whatever recommender a campaign uses (<c>recommender.filters</c>).
/// Every member is optional; an empty instance filters nothing.
/// </summary>
public sealed record RecommendationFilters
{
    /// <summary>Leave out items the customer bought within this many days; null allows repurchase.</summary>
    public int? ExcludePurchasedWithinDays { get; init; }

    /// <summary>Leave out items whose tracked stock is zero or less (untracked stock is allowed).</summary>
    public bool InStockOnly { get; init; }

    /// <summary>When not empty, keep only items in one of these categories.</summary>
    public IReadOnlyList<string> IncludeCategories { get; init; } = [];

    /// <summary>Leave out items in any of these categories.</summary>
    public IReadOnlyList<string> ExcludeCategories { get; init; } = [];

    /// <summary>Lowest unit price kept, inclusive.</summary>
    public decimal? MinPrice { get; init; }

    /// <summary>Highest unit price kept, inclusive.</summary>
    public decimal? MaxPrice { get; init; }

    /// <summary>At most this many items of one category per customer.</summary>
    public int? MaxPerCategory { get; init; }

    /// <summary>Per tag, a boost: an item's score is multiplied by 1 + the sum of its tags' boosts.</summary>
    public IReadOnlyDictionary<string, double> BoostTags { get; init; } = new Dictionary<string, double>();

    /// <summary>Never recommend the item that triggered the message.</summary>
    public bool ExcludeTriggerItem { get; init; }
}
