namespace Campaigns.Planning;

/// <summary>What planning one occurrence did.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Version">The definition version.</param>
/// <param name="Occurrence">The occurrence.</param>
/// <param name="Audience">Customers the audience stage selected.</param>
/// <param name="Planned">New ledger rows ready to send.</param>
/// <param name="AlreadyInLedger">Rows that existed from an earlier run of this occurrence (not planned again).</param>
/// <param name="Suppressed">Customers not sent to, by reason code.</param>
/// <param name="Failed">Messages that could not be rendered.</param>
/// <param name="SendSlots">The distinct minutes at which new rows are due, for the dispatcher's jobs.</param>
/// <param name="Elapsed">How long planning took.</param>
public sealed record PlanResult(
    string CampaignId,
    int Version,
    string Occurrence,
    long Audience,
    long Planned,
    long AlreadyInLedger,
    IReadOnlyDictionary<string, long> Suppressed,
    long Failed,
    IReadOnlyList<DateTimeOffset> SendSlots,
    TimeSpan Elapsed);

/// <summary>How a run treats the timing stage's decisions.</summary>
public enum PlanMode
{
    /// <summary>Each message is due at the time the timing stage chose.</summary>
    Scheduled,
    /// <summary>Every message is due now; the timing stage's choice is still recorded (preferred_at).</summary>
    SendNow,
}
