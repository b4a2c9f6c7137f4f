using System.ComponentModel.DataAnnotations;

namespace Campaigns.Plugins.Recommenders;

/// <summary>Options of the <c>most-popular</c> recommender.</summary>
/// <remarks>
/// Items are ranked by how many distinct customers had a matching event with them in the window. Items the catalogue
/// does not know, or says are out of stock (stock 0 or below), are skipped. The window normally ends now; with
/// <see cref="Anchor"/> <c>auto</c> (the default), a store with no matching event in that window (a historic data
/// set) gets the window ending at its latest matching event instead, and the reason says so:
/// <c>popular:30d</c> for the window ending now, <c>popular:30d-to-2011-12-09</c> for the window ending on that date.
/// </remarks>
public sealed class MostPopularOptions
{
    /// <summary>Length of the popularity window in days (1 to 3650). Default 30.</summary>
    [Range(1, 3650)]
    public int WindowDays { get; set; } = 30;

    /// <summary>Event types that count, e.g. <c>purchase</c> or <c>view</c>. Default: <c>["purchase"]</c>.</summary>
    [Required, MinLength(1)]
    public string[] EventTypes { get; set; } = ["purchase"];

    /// <summary>
    /// Where the window ends: <c>auto</c> (now, or the latest matching event when the window ending now has none),
    /// <c>now</c>, or <c>latest-event</c>. Default <c>auto</c>.
    /// </summary>
    [Required, AllowedValues("auto", "now", "latest-event")]
    public string Anchor { get; set; } = "auto";

    /// <summary>How many of the most popular in-stock items are kept for the run (1 to 10000). Default 100.</summary>
    [Range(1, 10_000)]
    public int PoolSize { get; set; } = 100;
}
