using System.Globalization;

namespace Campaigns.Learning.OffPolicy.Timing;

/// <summary>
/// The features a slot decision logs so that another timing strategy can score the same customer: the local hour the
/// slot was chosen in, and the customer's activity per local hour of the day (the profile's 24 counts). No zone, no
/// timestamps, no items: a coarse rhythm, like a segment.
/// </summary>
public static class SlotFeatures
{
    /// <summary>The local hour of day (0–23) of the chosen slot: the action off-policy evaluation compares.</summary>
    public const string Hour = "hour";

    /// <summary>The customer's events per local hour of the day, 24 counts joined by ','; absent without a profile.</summary>
    public const string Activity = "activity";

    /// <summary>The 24 counts as the log keeps them.</summary>
    public static string FormatActivity(IReadOnlyList<int> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return string.Join(',', hours.Select(h => h.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The 24 counts of a logged decision; null when it has none (or they are not 24 numbers).</summary>
    public static double[]? ReadActivity(IReadOnlyDictionary<string, string>? features)
    {
        if (features?.GetValueOrDefault(Activity) is not { } text) return null;
        var parts = text.Split(',');
        if (parts.Length != 24) return null;
        var counts = new double[24];
        for (var h = 0; h < 24; h++)
            if (!double.TryParse(parts[h], NumberStyles.Float, CultureInfo.InvariantCulture, out counts[h]) || counts[h] < 0) return null;
        return counts;
    }

    /// <summary>An hour as an action label (<c>"9"</c>).</summary>
    public static string Label(int hour) => hour.ToString(CultureInfo.InvariantCulture);

    /// <summary>The hour of an action label; null when it is not 0–23.</summary>
    public static int? HourOf(string action) =>
        int.TryParse(action, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and < 24 ? hour : null;
}
