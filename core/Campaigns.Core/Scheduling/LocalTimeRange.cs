using System.Globalization;

namespace Campaigns.Scheduling;

/// <summary>
/// A daily range of wall-clock time in the customer's own zone, <c>[From, To)</c>. When <see cref="To"/> is not after
/// <see cref="From"/> the range runs past midnight (quiet hours 21:00–08:00).
/// </summary>
public sealed record LocalTimeRange(TimeOnly From, TimeOnly To)
{
    /// <summary>True when <paramref name="time"/> falls inside the range.</summary>
    public bool Contains(TimeOnly time) => From < To ? time >= From && time < To : time >= From || time < To;

    /// <summary>Parses <c>HH:mm</c>; null when the text is not such a time.</summary>
    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <inheritdoc />
    public override string ToString() => $"{From:HH\\:mm}-{To:HH\\:mm}";
}
