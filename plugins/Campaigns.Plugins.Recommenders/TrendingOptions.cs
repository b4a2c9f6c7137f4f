using System.ComponentModel.DataAnnotations;

namespace Campaigns.Plugins.Recommenders;

/// <summary>Options of the <c>trending</c> recommender.</summary>
/// <remarks>
/// Each matching event in the window adds <c>0.5^(age / halfLifeDays)</c> to its item, age measured from the window's
/// end, so an item bought a lot in the last days beats one bought as much earlier in the window. The window and its
/// <see cref="Anchor"/> work as for <c>most-popular</c>: with <c>auto</c>, a store with no matching event in the window
/// ending now (a historic data set) gets the window ending at its latest matching event. Everyone gets the same list;
/// reason <c>trending</c>.
/// </remarks>
public sealed class TrendingOptions
{
    /// <summary>Half-life of an event's weight in days (0.1 to 365). Default 7.</summary>
    [Range(0.1, 365)]
    public double HalfLifeDays { get; set; } = 7;

    /// <summary>Length of the window in days (1 to 3650). Default 30.</summary>
    [Range(1, 3650)]
    public int WindowDays { get; set; } = 30;

    /// <summary>Event types that count, e.g. <c>purchase</c> or <c>view</c>. Default: <c>["purchase"]</c>.</summary>
    [Required, MinLength(1)]
    public string[] EventTypes { get; set; } = ["purchase"];

    /// <summary>Where the window ends: <c>auto</c>, <c>now</c> or <c>latest-event</c>, as for <c>most-popular</c>. Default <c>auto</c>.</summary>
    [Required, AllowedValues("auto", "now", "latest-event")]
    public string Anchor { get; set; } = "auto";
}
