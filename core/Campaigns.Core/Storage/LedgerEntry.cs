namespace Campaigns.Storage;

/// <summary>One intended message in the delivery ledger.</summary>
/// <param name="Key">Deterministic unique key: <c>campaign:occurrence:customer:step</c>.</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="CampaignVersion">The definition version that planned it (the dispatcher builds that version's channel).</param>
/// <param name="Occurrence">Which occurrence of the campaign's schedule.</param>
/// <param name="CustomerId">The recipient.</param>
/// <param name="Step">The step of the campaign (one step for now: <c>main</c>).</param>
/// <param name="State">Where the row is in its life.</param>
/// <param name="Reason">Why it was suppressed or failed; for a planned row, why the scheduler moved it from the strategy's choice (<c>moved:quiet-hours</c>, <c>deferred:cap:email:day+deadline</c>); null otherwise.</param>
/// <param name="SendAt">When the dispatcher may send it.</param>
/// <param name="PreferredAt">What the timing stage chose (equal to SendAt unless the run was sent now).</param>
/// <param name="Address">Channel address at planning time (e-mail, phone), if any.</param>
/// <param name="Subject">Rendered subject, if any.</param>
/// <param name="Body">Rendered body; null for suppressed rows.</param>
/// <param name="ItemIds">Recommended items the message names.</param>
/// <param name="Attempts">Delivery attempts so far.</param>
public sealed record LedgerEntry(
    string Key,
    string CampaignId,
    int CampaignVersion,
    string Occurrence,
    string CustomerId,
    string Step,
    DeliveryState State,
    string? Reason,
    DateTimeOffset SendAt,
    DateTimeOffset PreferredAt,
    string? Address,
    string? Subject,
    string? Body,
    IReadOnlyList<string> ItemIds,
    int Attempts = 0)
{
    /// <summary>The channel kind the message goes out on (<c>email</c>, <c>sms</c>, ...); frequency caps count by it.</summary>
    public string? ChannelKind { get; init; }

    /// <summary>The customer's local calendar day of <see cref="SendAt"/> (<see cref="DateOnly.DayNumber"/>); frequency caps count by it.</summary>
    public int? LocalDay { get; init; }

    /// <summary>The send-time decision as JSON: strategy, score, probability, alternatives and how the scheduler placed it.</summary>
    public string? Decision { get; init; }

    /// <summary>For a triggered message: the item of the moment that started it (carted, back in stock, bought...), for item-matched cancels.</summary>
    public string? TriggerItemId { get; init; }

    /// <summary>For a triggered message: when the moment happened; a cancel event counts only if it came at or after this.</summary>
    public DateTimeOffset? TriggeredAt { get; init; }

    /// <summary>The experiment variant the customer was assigned (<c>holdout</c> for held-out customers); null outside experiments.</summary>
    public string? Variant { get; init; }

    /// <summary>Builds the deterministic key of a message.</summary>
    public static string KeyOf(string campaignId, string occurrence, string customerId, string step) =>
        string.Join(':', campaignId, occurrence, customerId, step);
}

/// <summary>The life of a ledger row: planned → sending → sent | failed (or back to planned for a retry); suppressed rows never leave.</summary>
public enum DeliveryState
{
    /// <summary>Waiting for its send time.</summary>
    Planned,
    /// <summary>Claimed by a dispatcher, being sent.</summary>
    Sending,
    /// <summary>Accepted by the channel.</summary>
    Sent,
    /// <summary>Failed for good; the reason says why.</summary>
    Failed,
    /// <summary>Not sent on purpose (rule, consent, no recommendation); the reason says why.</summary>
    Suppressed,
}
