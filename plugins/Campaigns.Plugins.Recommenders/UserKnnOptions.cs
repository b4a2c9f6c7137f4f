using System.ComponentModel.DataAnnotations;

namespace Campaigns.Plugins.Recommenders;

/// <summary>Options of the <c>user-knn</c> recommender (user-based collaborative filtering).</summary>
/// <remarks>
/// A customer's predicted rating of item i is the similarity-weighted average over the <see cref="Neighbours"/> most
/// similar customers who rated i: <c>r(u,i) = Σ_v sim(u,v)·r(v,i) / Σ_v |sim(u,v)|</c>, with
/// <c>sim(u,v) = Σ_i r(u,i)·r(v,i) / (sqrt(Σ_i r(u,i)²)·sqrt(Σ_i r(v,i)²))</c> (cosine on raw ratings, missing = 0,
/// each norm over all of that customer's ratings). Items are ranked by predicted rating, the customer's own items
/// included; reason <c>similar-customers:&lt;n&gt;</c> with the number of neighbours behind the prediction. Customers
/// with too few predicted items get popular items after (reason <c>popular</c>).
/// </remarks>
public sealed class UserKnnOptions
{
    /// <summary>How many most similar customers who rated an item predict it, k (1 to 10000). Default 50.</summary>
    [Range(1, 10_000)]
    public int Neighbours { get; set; } = 50;

    /// <summary>
    /// Where ratings come from: <c>value</c> (the event's value, the latest per item wins: explicit ratings),
    /// <c>count</c> (the summed quantities of the customer's events with the item), or <c>auto</c>
    /// (<c>value</c> when <see cref="EventTypes"/> is just <c>rating</c>, else <c>count</c>). Default <c>auto</c>.
    /// </summary>
    [Required, AllowedValues("auto", "value", "count")]
    public string RatingFrom { get; set; } = "auto";

    /// <summary>Event types that count, e.g. <c>purchase</c> or <c>rating</c>. Default: <c>["purchase"]</c>.</summary>
    [Required, MinLength(1)]
    public string[] EventTypes { get; set; } = ["purchase"];

    /// <summary>True when ratings are event values rather than summed quantities.</summary>
    internal bool RatingsAreValues => RatingFrom == "value" || (RatingFrom == "auto" && EventTypes is ["rating"]);
}
