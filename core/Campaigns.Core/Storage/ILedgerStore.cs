using Campaigns.Scheduling;

namespace Campaigns.Storage;

/// <summary>
/// The delivery ledger: one row per intended message, keyed by <see cref="LedgerEntry.Key"/>. It is the truth about
/// what was planned and sent; Hangfire only executes. Every method is safe to call from many hosts at once.
/// </summary>
public interface ILedgerStore
{
    /// <summary>Inserts the rows whose key is not in the ledger yet (others are left untouched). Returns how many were inserted.</summary>
    Task<int> InsertAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts rows placed under frequency caps, atomically with respect to every other host and campaign placing on
    /// the same channel kind: in one transaction that holds that kind's cap lock, reads the customers' planned, sending
    /// and sent rows on the kind between the scope's local days, lets <paramref name="place"/> choose the rows from that
    /// history, and inserts them. Returns how many were inserted.
    /// </summary>
    Task<int> InsertCappedAsync(ContactScope scope, Func<ContactHistory, IReadOnlyList<LedgerEntry>> place, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically claims up to <paramref name="max"/> rows that are due (<c>planned</c> with send_at ≤ now, or
    /// <c>sending</c> whose lease expired) by moving them to <c>sending</c> with a lease until now + <paramref name="lease"/>.
    /// Two callers never get the same row while its lease runs. Optionally limited to one campaign (and occurrence).
    /// </summary>
    Task<IReadOnlyList<LedgerEntry>> ClaimDueAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>Records outcomes of claimed rows: state, reason or provider id, attempts, next try; and one outcome row each.</summary>
    Task CompleteAsync(IReadOnlyList<LedgerCompletion> completions, CancellationToken cancellationToken);

    /// <summary>
    /// Gives claimed rows back unsent: planned again at <paramref name="sendAt"/>, the claim and its attempt undone (a
    /// rate-limited dispatcher that could not send them within its lease lets another host have them).
    /// </summary>
    Task ReleaseAsync(IReadOnlyList<string> keys, DateTimeOffset sendAt, CancellationToken cancellationToken);

    /// <summary>Row counts per state, for one campaign (and occurrence) or for all when null.</summary>
    Task<IReadOnlyDictionary<DeliveryState, long>> CountByStateAsync(string? campaignId, string? occurrence, CancellationToken cancellationToken);

    /// <summary>The earliest send_at of a row still planned, or null.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

    /// <summary>One row by its key, or null.</summary>
    Task<LedgerEntry?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Reads rows for inspection (dashboard, tests), ordered by key.</summary>
    Task<IReadOnlyList<LedgerEntry>> ListAsync(string campaignId, string? occurrence, int limit, CancellationToken cancellationToken);
}

/// <summary>What a dispatcher asks to claim.</summary>
/// <param name="Now">The current time (from TimeProvider).</param>
/// <param name="Max">Largest batch.</param>
/// <param name="Worker">Who claims (host name + worker), stored for audits.</param>
/// <param name="Lease">How long the claim holds before another dispatcher may take the row again.</param>
/// <param name="CampaignId">Only rows of this campaign, when set.</param>
/// <param name="Occurrence">Only rows of this occurrence, when set (with <paramref name="CampaignId"/>).</param>
public sealed record ClaimRequest(DateTimeOffset Now, int Max, string Worker, TimeSpan Lease, string? CampaignId = null, string? Occurrence = null);

/// <summary>The outcome of one claimed row.</summary>
/// <param name="Key">The row.</param>
/// <param name="State">New state: sent, failed, or planned again (retry later, at <paramref name="RetryAt"/>).</param>
/// <param name="Detail">Provider message id when sent, the reason otherwise.</param>
/// <param name="At">When it happened.</param>
/// <param name="RetryAt">For a retry: the new send_at.</param>
public sealed record LedgerCompletion(string Key, DeliveryState State, string? Detail, DateTimeOffset At, DateTimeOffset? RetryAt = null);

/// <summary>Whose contact history a capped insert needs: customers, channel kind, and the local days that matter.</summary>
/// <param name="ChannelKind">The channel kind caps count by.</param>
/// <param name="CustomerIds">The customers of the batch.</param>
/// <param name="FromDay">First local day (<see cref="DateOnly.DayNumber"/>) to read; include the week before the first candidate day.</param>
/// <param name="ToDay">Last local day to read.</param>
/// <param name="Own">The occurrence being planned (<c>campaign:occurrence</c>): its rows are left out, so planning it again
/// does not count a customer's message against itself.</param>
public sealed record ContactScope(string ChannelKind, IReadOnlyList<string> CustomerIds, int FromDay, int ToDay, (string CampaignId, string Occurrence)? Own = null);
