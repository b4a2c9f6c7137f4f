namespace Campaigns.Stages;

/// <summary>
/// Delivers rendered messages. The host calls it with batches of messages it has claimed in the delivery ledger;
/// the channel must treat <see cref="OutgoingMessage.Key"/> as an idempotency key (a message may be offered twice
/// after a crash, and must then reach the customer once).
/// </summary>
public interface IDeliveryChannel : ICampaignStage
{
    /// <summary>The kind of address and consent this channel needs: <c>email</c>, <c>sms</c>, <c>push</c>, <c>webhook</c> or <c>file</c>.</summary>
    string Kind { get; }

    /// <summary>One result per message, in the order of <paramref name="messages"/>.</summary>
    Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken);
}

/// <summary>A rendered message ready to leave.</summary>
/// <param name="Key">The ledger key: unique per campaign, occurrence, customer and step; use it as the idempotency key.</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="CustomerId">The recipient.</param>
/// <param name="Address">The e-mail address, phone or push token for the channel's kind; null for file and webhook channels.</param>
/// <param name="Subject">Subject or title, if the message has one.</param>
/// <param name="Body">The rendered body.</param>
/// <param name="ItemIds">The recommended items the message names.</param>
/// <param name="PlannedAt">When the message was planned to be sent.</param>
public sealed record OutgoingMessage(string Key, string CampaignId, string CustomerId, string? Address, string? Subject, string Body, IReadOnlyList<string> ItemIds, DateTimeOffset PlannedAt)
{
    /// <summary>
    /// Since contract 1.2: the host's signed one-click unsubscribe URL for this message (a POST to it unsubscribes,
    /// RFC 8058), when the host tracks; e-mail channels put it in <c>List-Unsubscribe</c>.
    /// </summary>
    public string? UnsubscribeUrl { get; init; }
}

/// <summary>What happened to one message.</summary>
/// <param name="Key">The message's key.</param>
/// <param name="Status">Sent, or how it failed.</param>
/// <param name="Detail">Provider message id when sent; the provider's reason when not.</param>
public sealed record DeliveryResult(string Key, DeliveryStatus Status, string? Detail = null)
{
    /// <summary>
    /// Since contract 1.2: the provider asked to be left alone this long (HTTP 429 or 503 with <c>Retry-After</c>).
    /// The host slows that provider for every campaign and host, and retries the message no sooner.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// Since contract 1.2: with <see cref="DeliveryStatus.PermanentFailure"/>, the address does not exist or refuses
    /// mail for good (SMTP 550 mailbox unavailable, an invalid number). The host puts the customer on the suppression
    /// list for this channel kind, so no campaign tries again.
    /// </summary>
    public bool HardBounce { get; init; }
}

/// <summary>The outcome of one delivery attempt.</summary>
public enum DeliveryStatus
{
    /// <summary>The provider accepted the message.</summary>
    Sent,
    /// <summary>Worth retrying later (timeouts, 5xx, 429).</summary>
    TransientFailure,
    /// <summary>Will never succeed (invalid address, rejected content).</summary>
    PermanentFailure,
}
