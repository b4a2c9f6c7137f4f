namespace Campaigns.Evaluation.Timing;

/// <summary>Hour-of-day arithmetic of the send-time evaluation (zones and local days are <see cref="Scheduling.CustomerZones"/> and <see cref="Scheduling.LocalClock"/>).</summary>
internal static class LocalHours
{
    /// <summary>Hours between two hours of day around the clock (0 to 12).</summary>
    public static int Distance(int a, int b)
    {
        var d = Math.Abs(a - b) % 24;
        return Math.Min(d, 24 - d);
    }
}
