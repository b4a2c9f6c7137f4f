using System.ComponentModel.DataAnnotations;

namespace Campaigns.Plugins.Recommenders;

/// <summary>Options of the <c>item-knn</c> recommender (item-based collaborative filtering on implicit feedback).</summary>
/// <remarks>
/// Items are similar when the same customers bought them: <c>cosine</c> over the customer × item matrix, or
/// <c>jaccard</c> (shared customers / customers of either item), each item keeping its <see cref="Neighbours"/> most
/// similar items. A customer's score for item i is the sum, over the items j they bought, of their weight for j times
/// sim(i, j), with sim(j, j) = <see cref="SelfSimilarity"/> (1), so items they bought before stay in the list (repeat purchases are common). Reason:
/// <c>bought-together:&lt;item&gt;</c> naming the item that contributed most, <c>bought-before</c> when only the item
/// itself did; customers with too few scored items get popular items after (reason <c>popular</c>).
/// </remarks>
public sealed class ItemKnnOptions
{
    /// <summary>Item similarity: <c>cosine</c> or <c>jaccard</c>. Default <c>cosine</c>.</summary>
    [Required, AllowedValues("cosine", "jaccard")]
    public string Similarity { get; set; } = "cosine";

    /// <summary>How many most similar items each item keeps (1 to 1000). Default 50.</summary>
    [Range(1, 1000)]
    public int Neighbours { get; set; } = 50;

    /// <summary>
    /// A customer's weight for an item: <c>binary</c> (bought or not) or <c>log</c> (1 + ln of the number of
    /// events). Jaccard always counts customers, whatever the weighting. Default <c>binary</c>.
    /// </summary>
    [Required, AllowedValues("binary", "log")]
    public string Weighting { get; set; } = "binary";

    /// <summary>
    /// sim(j, j): how much an item the customer bought counts towards its own score (0 to 1). 1 keeps their own items
    /// high in the list, as repeat purchases are common; 0 scores them only through their similarity to the customer's
    /// other items, as textbook item-kNN does. Default 1.
    /// </summary>
    [Range(0, 1)]
    public double SelfSimilarity { get; set; } = 1;

    /// <summary>Event types that count, e.g. <c>purchase</c>. Default: <c>["purchase"]</c>.</summary>
    [Required, MinLength(1)]
    public string[] EventTypes { get; set; } = ["purchase"];
}
