namespace Campaigns.Storage;

/// <summary>
/// Per trigger campaign, the commit time up to which matched work is known to be in the ledger, and which ledger keys
/// exist: what the start-up catch-up needs to re-match only what a crash may have lost. Implemented by the data layer.
/// </summary>
public interface ITriggerWatermarks
{
    /// <summary>The campaign's mark, or null when no micro-batch of it has been committed yet.</summary>
    Task<DateTimeOffset?> GetAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Moves the campaign's mark forward to <paramref name="acceptedThrough"/>; never backward (two hosts advance it).</summary>
    Task AdvanceAsync(string campaignId, DateTimeOffset acceptedThrough, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="keys"/> that already have a ledger row.</summary>
    Task<IReadOnlySet<string>> ExistingKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
