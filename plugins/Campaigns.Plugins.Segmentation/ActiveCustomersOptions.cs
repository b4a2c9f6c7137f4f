using System.ComponentModel.DataAnnotations;

namespace Campaigns.Plugins.Segmentation;

/// <summary>Options of the <c>active-customers</c> audience.</summary>
/// <remarks>
/// The audience is every known customer with at least <see cref="MinEvents"/> matching events in the last
/// <see cref="Days"/> days. The window normally ends now; with <see cref="Anchor"/> <c>auto</c> (the default), a store
/// with no matching event in the window ending now (a historic data set such as the 2011 sample) gets the window ending
/// at its latest matching event instead, and the run's log says which window was used.
/// </remarks>
public sealed class ActiveCustomersOptions
{
    /// <summary>Length of the window in days (1 to 3650). Default 90.</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 90;

    /// <summary>Fewest matching events a customer needs in the window (at least 1). Default 1.</summary>
    [Range(1, int.MaxValue)]
    public int MinEvents { get; set; } = 1;

    /// <summary>Event types that count, e.g. <c>["purchase"]</c>; null or empty for every type. Default: every type.</summary>
    public string[]? EventTypes { get; set; }

    /// <summary>
    /// Where the window ends: <c>auto</c> (now, or the latest matching event when the window ending now has none),
    /// <c>now</c>, or <c>latest-event</c>. Default <c>auto</c>.
    /// </summary>
    [Required, AllowedValues("auto", "now", "latest-event")]
    public string Anchor { get; set; } = "auto";
}
