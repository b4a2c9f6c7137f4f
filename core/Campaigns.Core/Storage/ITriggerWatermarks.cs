using Campaigns.Data;
using Campaigns.Events;

namespace Campaigns.Storage;

/// <summary>
/// Each host's trigger watermarks and what a replay reads: the events and catalog changes accepted since a mark, and
/// which ledger keys exist (so a replay never re-renders what is planned). Implemented by the data layer.
/// </summary>
public interface ITriggerWatermarks
{
    /// <summary>
    /// One transaction: takes over the marks of every other host not seen since <paramref name="deadBefore"/> (their rows
    /// are deleted), and with <paramref name="adoptOwn"/> this host's own rows too (a fixed host id starting again takes
    /// back its previous life's marks), then replaces this host's rows with what <paramref name="marks"/> makes of the
    /// adopted ones, seen now. Returns the adopted rows. Two hosts adopting at once: one gets the rows, the other none.
    /// </summary>
    Task<IReadOnlyList<HostMark>> HeartbeatAsync(string hostId, Func<IReadOnlyList<HostMark>, IReadOnlyDictionary<string, DateTimeOffset>> marks,
        DateTimeOffset deadBefore, bool adoptOwn, CancellationToken cancellationToken);

    /// <summary>Every host's rows (operators, tests).</summary>
    Task<IReadOnlyList<HostMark>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The events of <paramref name="types"/> whose write was accepted at or after <paramref name="acceptedSince"/> and
    /// that occurred at or after <paramref name="occurredSince"/>, in accept order, in chunks.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<Interaction>> AcceptedEventsAsync(DateTimeOffset acceptedSince, DateTimeOffset occurredSince, IReadOnlyList<string> types,
        int batchSize, CancellationToken cancellationToken);

    /// <summary>The stored catalog changes that can start a moment, made at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<CatalogChange>> CatalogChangesAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="keys"/> that already have a ledger row.</summary>
    Task<IReadOnlySet<string>> ExistingKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}

/// <summary>One row of a host's marks.</summary>
/// <param name="HostId">The host (a process; a new id each start unless configured).</param>
/// <param name="CampaignId">The trigger campaign, or <see cref="HostRow"/> for the host's floor for campaigns it did not list.</param>
/// <param name="AcceptedThrough">What the host accepted up to this time is in the ledger (or was handed on).</param>
/// <param name="SeenAt">The host's last heartbeat.</param>
public sealed record HostMark(string HostId, string CampaignId, DateTimeOffset AcceptedThrough, DateTimeOffset SeenAt)
{
    /// <summary>The campaign id of the host's own row.</summary>
    public const string HostRow = "";
}
