namespace Campaigns.Storage;

/// <summary>
/// The global suppression list: customers no campaign may send to on a channel kind (bounced, unsubscribed,
/// complained), whatever their consent says. Every campaign's planner checks it; adding is idempotent.
/// </summary>
public interface ISuppressionStore
{
    /// <summary>Adds entries; an entry already listed for the customer and kind keeps its first reason and time.</summary>
    Task AddAsync(IReadOnlyList<Suppression> entries, CancellationToken cancellationToken);

    /// <summary>The reasons of the listed customers among <paramref name="customerIds"/> for <paramref name="channelKind"/>.</summary>
    Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> customerIds, string channelKind, CancellationToken cancellationToken);
}

/// <summary>One customer suppressed on one channel kind.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ChannelKind">The kind (<c>email</c>, <c>sms</c>, ...).</param>
/// <param name="Reason"><c>bounced</c>, <c>unsubscribed</c>, <c>complained</c> or another short code.</param>
/// <param name="At">When it was listed.</param>
/// <param name="Detail">The provider's words, if any (e.g. the SMTP reply).</param>
public sealed record Suppression(string CustomerId, string ChannelKind, string Reason, DateTimeOffset At, string? Detail = null);
