using System.ComponentModel.DataAnnotations;

namespace Campaigns.Plugins.Timing;

/// <summary>Options of the <c>fixed-local-time</c> send-time strategy.</summary>
/// <remarks>
/// Each customer's clock is their IANA time zone (an unknown zone counts as UTC, and the reason says so). If the
/// customer's local time at the start of sending falls in [<see cref="At"/>, <see cref="At"/> + <see cref="WindowMinutes"/>),
/// the message goes at once; otherwise at the next local <see cref="At"/>. A local time skipped by a daylight-saving
/// change moves forward to the first minute that exists; a local time that happens twice takes the earlier instant.
/// When the chosen instant is after the run's deadline, the deadline is used: the closest allowed instant to the slot.
/// </remarks>
public sealed class FixedLocalTimeOptions
{
    /// <summary>Local time of day to send at, 24-hour <c>HH:mm</c>. Default <c>10:00</c>.</summary>
    [Required, RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$", ErrorMessage = "at must be a 24-hour time HH:mm, e.g. 10:00")]
    public string At { get; set; } = "10:00";

    /// <summary>Minutes after <see cref="At"/> during which sending at once still counts as on time (1 to 1440). Default 240.</summary>
    [Range(1, 1440)]
    public int WindowMinutes { get; set; } = 240;
}
