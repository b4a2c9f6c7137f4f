using System.ComponentModel.DataAnnotations;
using Campaigns.Plugins.Timing.History;

namespace Campaigns.Plugins.Timing.MedianHour;

/// <summary>Options of the <c>median-hour</c> send-time strategy (the open-source marketing-automation classic).</summary>
/// <remarks>
/// The customer's local times of day of their activity over the last <see cref="Days"/> days (one moment per instant)
/// give a median time M. If the customer's clock at the start of sending is within ± <see cref="WindowHours"/> of M the
/// message goes at once; otherwise at the next local M. With fewer than <see cref="MinEvents"/> moments the strategy
/// falls back (<see cref="Fallback"/>). Alternatives are the candidate hours of the next <see cref="HorizonHours"/>,
/// scored 1 / (1 + hours from M).
/// </remarks>
public sealed class MedianHourOptions
{
    /// <summary>Days of activity looked at, ending now. Default 60.</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 60;

    /// <summary>Fewest moments for a personal median; below it, <see cref="Fallback"/>. Default 5.</summary>
    [Range(1, 1000)]
    public int MinEvents { get; set; } = 5;

    /// <summary>Half-width of the send window around the median, in hours. Default 1.</summary>
    [Range(0, 12)]
    public int WindowHours { get; set; } = 1;

    /// <summary><c>population</c> (the busiest local hour of everyone's activity in the window) or a fixed local <c>HH:mm</c>. Default <c>population</c>.</summary>
    [Required, RegularExpression(History.Fallback.Pattern, ErrorMessage = History.Fallback.Message)]
    public string Fallback { get; set; } = History.Fallback.Population;

    /// <summary>Event types that count as activity; empty for every type but returns.</summary>
    public IReadOnlyList<string> EventTypes { get; set; } = [];

    /// <summary>Hours ahead that alternatives are offered for (1 to 168). Default 48.</summary>
    [Range(1, 168)]
    public int HorizonHours { get; set; } = 48;

    /// <summary>Most alternatives listed per decision (0 to 168). Default 24.</summary>
    [Range(0, 168)]
    public int Alternatives { get; set; } = 24;
}
