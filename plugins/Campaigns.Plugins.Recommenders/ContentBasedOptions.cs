using System.ComponentModel.DataAnnotations;

namespace Campaigns.Plugins.Recommenders;

/// <summary>Options of the <c>content-based</c> recommender (TF-IDF over item text plus attributes, cosine to a customer profile).</summary>
/// <remarks>
/// Each catalogue item is a sparse vector: TF-IDF over the tokens of its title and description (lower-case, split on
/// anything but letters and digits, tokens under 2 characters and common English words dropped) plus attribute
/// features <c>cat:&lt;category&gt;</c>, <c>price:&lt;band&gt;</c> (band b covers prices in [2^b, 2^(b+1))) and
/// <c>tag:&lt;tag&gt;</c>, each an IDF weight times <see cref="AttributeWeight"/>; the vector is L2-normalised. A
/// customer's profile is the sum of the vectors of their <see cref="MaxProfileItems"/> most recent items, each weighted
/// by its events' <c>0.5^(age / halfLifeDays)</c> (age from the latest event), L2-normalised; every catalogue item is
/// scored by cosine with it, items nobody interacted with included (cold start). Reasons <c>similar-to:&lt;item&gt;</c>
/// (the customer's item contributing most), <c>content</c>, <c>popular</c> (back-fill).
/// </remarks>
public sealed class ContentBasedOptions
{
    /// <summary>Event types that make an item part of the profile. Default: <c>["purchase","view","cart_add"]</c>.</summary>
    [Required, MinLength(1)]
    public string[] EventTypes { get; set; } = ["purchase", "view", "cart_add"];

    /// <summary>Half-life of an event's weight in the profile, in days (0.1 to 3650). Default 90.</summary>
    [Range(0.1, 3650)]
    public double HalfLifeDays { get; set; } = 90;

    /// <summary>Weight of the attribute features (category, price band, tags) against the text (0 to 100; 0 ignores them). Default 1.</summary>
    [Range(0.0, 100.0)]
    public double AttributeWeight { get; set; } = 1.0;

    /// <summary>How many of the customer's most recent items make the profile (1 to 10000). Default 200.</summary>
    [Range(1, 10_000)]
    public int MaxProfileItems { get; set; } = 200;
}
