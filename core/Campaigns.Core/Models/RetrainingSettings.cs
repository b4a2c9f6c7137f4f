namespace Campaigns.Models;

/// <summary>How much data one retraining round uses.</summary>
/// <param name="WindowDays">Days of events the candidate trains on, ending where the hold-out starts.</param>
/// <param name="HoldoutDays">The newest days of events, kept out of training: candidate and live version are both measured on them.</param>
public sealed record RetrainingSettings(int WindowDays = 365, int HoldoutDays = 30)
{
    /// <summary>The problem with the settings, or null.</summary>
    public string? Problem() =>
        WindowDays is < 1 or > 3650 ? $"WindowDays must be between 1 and 3650, got {WindowDays}"
        : HoldoutDays is < 1 or > 365 ? $"HoldoutDays must be between 1 and 365, got {HoldoutDays}"
        : null;
}

/// <summary>The windows of one round: training [<see cref="From"/>, <see cref="HoldoutFrom"/>), hold-out [<see cref="HoldoutFrom"/>, <see cref="Until"/>).</summary>
/// <param name="From">First instant of training data.</param>
/// <param name="HoldoutFrom">End of training, start of the hold-out.</param>
/// <param name="Until">End of the hold-out: just after the newest event, or now if that is earlier.</param>
public sealed record RoundWindow(DateTimeOffset From, DateTimeOffset HoldoutFrom, DateTimeOffset Until)
{
    /// <summary>
    /// The windows ending at the newest event (one tick past it, as windows are end-exclusive): a shop whose data stops
    /// (an imported history) still trains on its last days, and a live shop's newest event is a moment ago anyway.
    /// </summary>
    public static RoundWindow EndingAt(DateTimeOffset latestEvent, DateTimeOffset now, RetrainingSettings settings)
    {
        var until = latestEvent.AddTicks(1) < now ? latestEvent.AddTicks(1) : now;
        var holdout = until.AddDays(-settings.HoldoutDays);
        return new RoundWindow(holdout.AddDays(-settings.WindowDays), holdout, until);
    }
}
