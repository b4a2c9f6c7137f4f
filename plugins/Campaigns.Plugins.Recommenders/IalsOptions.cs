using System.ComponentModel.DataAnnotations;

namespace Campaigns.Plugins.Recommenders;

/// <summary>Options of the <c>ials</c> recommender (implicit alternating least squares: Hu, Koren and Volinsky 2008).</summary>
/// <remarks>
/// Every customer and every item gets <see cref="Factors"/> numbers (its taste profile) such that their dot product is
/// close to 1 where the customer bought the item and close to 0 elsewhere. A purchase weighs <c>1 + alpha</c> times as
/// much as a non-purchase, and <see cref="Regularization"/> keeps profiles small so rare items do not overfit. The
/// profiles are fitted by alternating exact least-squares solves (customers, then items) for <see cref="Iterations"/>
/// rounds, started from a seeded random draw so the same data gives the same model. A customer's list is the items with
/// the largest dot product, own items included; reason <c>similar-taste</c>. Customers the model does not know get
/// popular items (reason <c>popular</c>). Cost per round: about (customers + items) × factors³ / 3 plus
/// purchases × factors².
/// </remarks>
public sealed class IalsOptions
{
    /// <summary>Length of each customer's and item's profile (2 to 512). Default 64.</summary>
    [Range(2, 512)]
    public int Factors { get; set; } = 64;

    /// <summary>L2 regularisation of every profile (0.0001 to 10,000). Default 10.</summary>
    [Range(0.0001, 10_000)]
    public double Regularization { get; set; } = 10;

    /// <summary>Extra confidence of a purchase over a non-purchase (0 to 10,000). Default 10.</summary>
    [Range(0, 10_000)]
    public double Alpha { get; set; } = 10;

    /// <summary>Alternating rounds (1 to 100). Default 15.</summary>
    [Range(1, 100)]
    public int Iterations { get; set; } = 15;

    /// <summary>Seed of the random starting profiles. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Event types that count, e.g. <c>purchase</c>. Default: <c>["purchase"]</c>.</summary>
    [Required, MinLength(1)]
    public string[] EventTypes { get; set; } = ["purchase"];
}
