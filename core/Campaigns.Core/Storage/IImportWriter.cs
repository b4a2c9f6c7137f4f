using Campaigns.Data;

namespace Campaigns.Storage;

/// <summary>Bulk writes used by imports. Every method is idempotent: writing the same rows twice stores them once.</summary>
public interface IImportWriter
{
    /// <summary>Inserts customers whose id is new; existing customers are kept as they are. Returns how many were new.</summary>
    Task<int> AddCustomersAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken);

    /// <summary>Inserts items whose id is new; existing items are kept as they are. Returns how many were new.</summary>
    Task<int> AddItemsAsync(IReadOnlyList<CatalogItem> items, CancellationToken cancellationToken);

    /// <summary>Inserts events whose <see cref="StoredEvent.EventId"/> is new. Returns how many were new.</summary>
    Task<int> AddEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces customers (API, tests): every field is overwritten.</summary>
    Task UpsertCustomersAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces items (API, tests): every field is overwritten.</summary>
    Task UpsertItemsAsync(IReadOnlyList<CatalogItem> items, CancellationToken cancellationToken);
}

/// <summary>An event with the id that makes it unique (given by the source, or derived deterministically from it).</summary>
public sealed record StoredEvent(string EventId, Interaction Interaction)
{
    /// <summary>Type-specific properties as a JSON object (a search's <c>query</c>, a review's <c>text</c>), or null.</summary>
    public string? Properties { get; init; }
}
