using System.ComponentModel.DataAnnotations;
using Campaigns.Stages;

namespace Campaigns.Plugins.Segmentation.ML.Clusters;

/// <summary>Options of the <c>kmeans-segment</c> audience.</summary>
/// <remarks>
/// Every customer with a purchase is described by days since their last order, orders, spend, days between orders,
/// days as a customer and their share of spend in the four most bought categories (from the customer profiles when the host
/// keeps them, else from purchase events, defined alike); money, counts and days on a
/// log scale, then every feature as a z-score. ML.NET's K-means is trained for each k from <see cref="KMin"/> to
/// <see cref="KMax"/> (on a sample of at most 20,000 customers) and the k with the lowest Davies-Bouldin index is kept;
/// each cluster is then named in words from its centroid, e.g. <c>recent frequent high spenders</c>. Run
/// <c>segments clusters</c> to see the names and sizes, then put the one you want in <see cref="Cluster"/>.
/// </remarks>
public sealed class KMeansSegmentOptions : IValidatableObject
{
    /// <summary>
    /// The cluster this campaign is for: its name as <c>segments clusters</c> prints it (case does not matter) or its
    /// number there, as text (<c>"2"</c>). Required to run a campaign; a name that matches no cluster stops the run with
    /// the list of clusters that exist. Not part of a trained model: one model serves campaigns for each of its clusters.
    /// </summary>
    [NotPartOfModel]
    public string? Cluster { get; set; }

    /// <summary>A fixed number of clusters (2 to 20); when set, <see cref="KMin"/> and <see cref="KMax"/> are ignored.</summary>
    [Range(2, 20)]
    public int? K { get; set; }

    /// <summary>Fewest clusters tried (2 to 20). Default 2.</summary>
    [Range(2, 20)]
    public int KMin { get; set; } = 2;

    /// <summary>Most clusters tried (2 to 20). Default 8.</summary>
    [Range(2, 20)]
    public int KMax { get; set; } = 8;

    /// <summary>Seed of K-means' initialisation: the same seed and data give the same clusters. Default 0.</summary>
    public int Seed { get; set; }

    /// <summary>
    /// What "now" is for days since last order: <c>auto</c> (the clock, or the latest purchase when nobody bought in
    /// the last 90 days, as in a historic data set), <c>now</c> or <c>latest-event</c>. Default <c>auto</c>.
    /// </summary>
    [Required, AllowedValues("auto", "now", "latest-event")]
    public string Anchor { get; set; } = "auto";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (K is null && KMin > KMax)
            yield return new ValidationResult($"must not be larger than kMax ({KMax})", [nameof(KMin)]);
    }
}
