using System.ComponentModel.DataAnnotations;

namespace Campaigns.Plugins.Recommenders;

/// <summary>Options of the <c>buy-again</c> recommender.</summary>
/// <remarks>
/// Each item the customer bought before scores the sum of its purchases, each weighted by
/// <c>0.5^(age / halfLifeDays)</c>, so frequent and recent purchases rank first; ties go to the more popular item.
/// With <see cref="DueBoost"/> above 0, an item bought on at least two separate days is boosted as the time since its
/// last purchase approaches the customer's typical interval for it (fully due: score × (1 + dueBoost)). Customers with
/// fewer items than asked for get the most popular items after their own (reason <c>popular</c>). Reason of an own item:
/// <c>bought-before:3x</c>. With <see cref="Score"/> <c>count</c>, each item scores its plain number of purchases
/// (no decay, no due boost) and ties go to the item the customer bought first: the "most often bought" list a
/// spreadsheet or a <c>value_counts()</c> gives, which reproduces the Online Retail reference figure (docs/evaluation.md).
/// </remarks>
public sealed class BuyAgainOptions
{
    /// <summary>Half-life of a purchase's weight in days (0.1 to 3650). Default 90.</summary>
    [Range(0.1, 3650)]
    public double HalfLifeDays { get; set; } = 90;

    /// <summary>How much a fully due item is boosted (0 to 10; 0 turns the boost off). Default 0.</summary>
    [Range(0, 10)]
    public double DueBoost { get; set; }

    /// <summary>
    /// How own items are scored: <c>decayed</c> (purchases weighted by age, ties to the more popular item) or
    /// <c>count</c> (plain number of purchases, ties to the item bought first). Default <c>decayed</c>.
    /// </summary>
    [Required, AllowedValues("decayed", "count")]
    public string Score { get; set; } = "decayed";

    /// <summary>Event types that count as buying, e.g. <c>purchase</c>. Default: <c>["purchase"]</c>.</summary>
    [Required, MinLength(1)]
    public string[] EventTypes { get; set; } = ["purchase"];
}
