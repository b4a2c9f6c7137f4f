using System.ComponentModel.DataAnnotations;

namespace Campaigns.Plugins.Recommenders;

/// <summary>Options of the <c>ease</c> recommender (EASE, Steck 2019: an item-item linear model with a closed form).</summary>
/// <remarks>
/// With X the binary customer × item matrix, <c>P = (XᵀX + λI)⁻¹</c> and <c>B[i,j] = -P[i,j] / P[j,j]</c> (zero
/// diagonal); a customer's score for item j is the sum of B[i,j] over the items i they bought. The dense inverse is
/// items² in memory and items³ in time, so the model keeps the <see cref="MaxItems"/> most popular items (3,000 items:
/// 72 MB and a few seconds on 2 cores). Own items stay in the list (scored by the other items). Reason
/// <c>bought-together:&lt;item&gt;</c> naming the own item with the largest weight; customers with too few positively
/// scored items get popular items after (reason <c>popular</c>).
/// </remarks>
public sealed class EaseOptions
{
    /// <summary>L2 regularisation λ added to the diagonal of XᵀX (0.001 to 10,000,000). Default 250.</summary>
    [Range(0.001, 10_000_000)]
    public double Lambda { get; set; } = 250;

    /// <summary>How many of the most popular items the model covers (10 to 20000). Default 3000.</summary>
    [Range(10, 20_000)]
    public int MaxItems { get; set; } = 3000;

    /// <summary>
    /// How many of each item's largest positive weights a trained model keeps (10 to 20000; 0 keeps every weight,
    /// items² floats). Default 100. Only a model trained apart (<c>models retrain ease</c>) is cut; fitting at run time
    /// keeps every weight.
    /// </summary>
    [Range(0, 20_000)]
    public int StoredWeightsPerItem { get; set; } = 100;

    /// <summary>Event types that count, e.g. <c>purchase</c>. Default: <c>["purchase"]</c>.</summary>
    [Required, MinLength(1)]
    public string[] EventTypes { get; set; } = ["purchase"];
}
