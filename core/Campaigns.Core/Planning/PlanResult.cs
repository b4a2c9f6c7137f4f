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
/// <param name="Phases">Where the time went, summed over parallel workers.</param>
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
    TimeSpan Elapsed,
    PlanPhases Phases)
{
    /// <summary>The model registry version the recommender planned with (e.g. <c>item-knn v3</c>); null when it fitted its own at plan time.</summary>
    public string? RecommenderModel { get; init; }

    /// <summary>The registry version the audience stage used (<c>propensity-segment v2</c>); null when it fitted its own or learns nothing.</summary>
    public string? AudienceModel { get; init; }

    /// <summary>The model registry version the timing stage planned with; null when it fitted its own. Also in each row's decision.</summary>
    public string? TimingModel { get; init; }
}

/// <summary>Time spent per phase of planning, summed over the parallel workers (so it can exceed the elapsed time).</summary>
/// <param name="Audience">Waiting for the audience stage's next batch.</param>
/// <param name="Pipeline">Consent, rules, recommendations, catalogue lookups, rendering and timing.</param>
/// <param name="Ledger">Inserting ledger rows.</param>
public sealed record PlanPhases(TimeSpan Audience, TimeSpan Pipeline, TimeSpan Ledger)
{
    /// <summary>Appending the decisions of each batch to the decision log (after its ledger insert).</summary>
    public TimeSpan DecisionLog { get; init; }
}

/// <summary>How a run treats the timing stage's decisions.</summary>
public enum PlanMode
{
    /// <summary>Each message is due at the time the timing stage chose.</summary>
    Scheduled,
    /// <summary>Every message is due now; the timing stage's choice is still recorded (preferred_at).</summary>
    SendNow,
}
