using Campaigns.Data;
using Campaigns.Events;
using Campaigns.Ingest;

namespace Campaigns.Storage;

/// <summary>
/// The writes of the event and catalog API and of the <c>ingest</c> verb. Every call is one transaction: all of the
/// batch is stored or none of it.
/// </summary>
public interface IIngestStore
{
    /// <summary>Stores the events whose id is new; returns those, in batch order (the rest were duplicates).</summary>
    Task<IReadOnlyList<StoredEvent>> AddEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken);

    /// <summary>Applies the patches to the stored customers (created when new); returns the customers as stored.</summary>
    Task<IReadOnlyList<Customer>> UpsertCustomersAsync(IReadOnlyList<CustomerPatch> patches, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the patches to the stored items, each change with the price and stock it had before, read in the same
    /// transaction. When a new item lacks a title or price nothing is stored and the errors are returned instead.
    /// </summary>
    Task<ItemUpsert> UpsertItemsAsync(IReadOnlyList<ItemPatch> patches, CancellationToken cancellationToken);
}

/// <summary>What an item upsert did: the changes it committed, or the errors that stopped it (then nothing was stored).</summary>
public sealed record ItemUpsert(IReadOnlyList<CatalogChange> Changes, IReadOnlyList<RecordError> Errors);
