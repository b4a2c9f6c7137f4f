namespace Campaigns.Storage;

/// <summary>
/// The global suppression list: customers no campaign may send to on a channel kind (bounced, unsubscribed,
/// complained), whatever their consent says. Every campaign's planner checks it; adding is idempotent.
/// </summary>
public interface ISuppressionStore
{
    /// <summary>Adds entries; an entry already listed for the customer and kind keeps its first reason and time.</summary>
    Task AddAsync(IReadOnlyList<Suppression> entries, CancellationToken cancellationToken);

    /// <summary>
    /// The reasons of the listed customers among <paramref name="customerIds"/> for <paramref name="channelKind"/>,
    /// counting entries for every kind (<c>*</c>); of several entries, the most severe reason
    /// (<see cref="Privacy.SuppressionReasons.Severity"/>).
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> customerIds, string channelKind, CancellationToken cancellationToken);

    /// <summary>Lifts the customer's entry for exactly <paramref name="channelKind"/> (<c>*</c> lifts only the every-kind entry); returns whether one existed.</summary>
    Task<bool> RemoveAsync(string customerId, string channelKind, CancellationToken cancellationToken);

    /// <summary>The entries of one customer, or the newest <paramref name="limit"/> entries when <paramref name="customerId"/> is null; newest first.</summary>
    Task<IReadOnlyList<Suppression>> ListAsync(string? customerId, int limit, CancellationToken cancellationToken);
}

/// <summary>One customer suppressed on one channel kind.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ChannelKind">The kind (<c>email</c>, <c>sms</c>, ...), or <c>*</c> for every kind.</param>
/// <param name="Reason"><c>bounced</c>, <c>unsubscribed</c>, <c>complained</c>, <c>erased</c> or another short code.</param>
/// <param name="At">When it was listed.</param>
/// <param name="Detail">The provider's words, if any (e.g. the SMTP reply).</param>
public sealed record Suppression(string CustomerId, string ChannelKind, string Reason, DateTimeOffset At, string? Detail = null);
