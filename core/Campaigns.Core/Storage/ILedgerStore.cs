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
    /// Atomically claims up to <paramref name="max"/> rows that are due (<c>planned</c> with send_at ≤ now, or
    /// <c>sending</c> whose lease expired) by moving them to <c>sending</c> with a lease until now + <paramref name="lease"/>.
    /// Two callers never get the same row while its lease runs. Optionally limited to one campaign (and occurrence).
    /// </summary>
    Task<IReadOnlyList<LedgerEntry>> ClaimDueAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>Records outcomes of claimed rows: state, reason or provider id, attempts, next try; and one outcome row each.</summary>
    Task CompleteAsync(IReadOnlyList<LedgerCompletion> completions, CancellationToken cancellationToken);

    /// <summary>Row counts per state, for one campaign (and occurrence) or for all when null.</summary>
    Task<IReadOnlyDictionary<DeliveryState, long>> CountByStateAsync(string? campaignId, string? occurrence, CancellationToken cancellationToken);

    /// <summary>The earliest send_at of a row still planned, or null.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

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
