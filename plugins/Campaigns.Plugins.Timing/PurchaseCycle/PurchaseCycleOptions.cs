using System.ComponentModel.DataAnnotations;
using Campaigns.Plugins.Timing.History;

namespace Campaigns.Plugins.Timing.PurchaseCycle;

/// <summary>Options of the <c>purchase-cycle</c> send-time strategy.</summary>
/// <remarks>
/// The customer's purchase days over the last <see cref="Days"/> days give their intervals; the next purchase is
/// expected one median interval after the last one. The message goes <see cref="DaysBefore"/> days before that, at
/// the customer's usual purchase hour (their most common local hour; ties go to the hour more customers buy in).
/// A date already past sends at the next usual hour; a date after the deadline at the last usual hour before it.
/// With fewer than <see cref="MinPurchases"/> purchase days: <see cref="Fallback"/>, at the next such time.
/// </remarks>
public sealed class PurchaseCycleOptions
{
    /// <summary>Days of purchases looked at, ending now. Default 730.</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 730;

    /// <summary>Days before the expected purchase to send. Default 3.</summary>
    [Range(0, 365)]
    public int DaysBefore { get; set; } = 3;

    /// <summary>Fewest distinct purchase days for a cycle (2 to 100). Default 2.</summary>
    [Range(2, 100)]
    public int MinPurchases { get; set; } = 2;

    /// <summary>Event types that count as purchases. Default <c>["purchase"]</c>.</summary>
    [MinLength(1)]
    public IReadOnlyList<string> EventTypes { get; set; } = ["purchase"];

    /// <summary><c>population</c> (the busiest local purchase hour of everyone) or a fixed local <c>HH:mm</c>. Default <c>population</c>.</summary>
    [Required, RegularExpression(History.Fallback.Pattern, ErrorMessage = History.Fallback.Message)]
    public string Fallback { get; set; } = History.Fallback.Population;

    /// <summary>Hours after the chosen instant that alternatives are offered for (1 to 168). Default 48.</summary>
    [Range(1, 168)]
    public int HorizonHours { get; set; } = 48;

    /// <summary>Most alternatives listed per decision (0 to 168). Default 24.</summary>
    [Range(0, 168)]
    public int Alternatives { get; set; } = 24;
}
