using Campaigns.Data.Access;
using Campaigns.Data.Bulk;
using Campaigns.Storage;

namespace Campaigns.Data.Import;

/// <summary>Imports customers, items and events through the dialect's bulk writer; every call is one transaction.</summary>
internal sealed class ImportWriter(IBulkWriter bulk, TimeProvider time) : IImportWriter
{
    public Task<int> AddCustomersAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken) =>
        bulk.InsertNewAsync(CustomerTable.Spec(Now()), customers, cancellationToken);

    public Task<int> AddItemsAsync(IReadOnlyList<CatalogItem> items, CancellationToken cancellationToken) =>
        bulk.InsertNewAsync(ItemTable.Spec(Now()), items, cancellationToken);

    public Task<int> AddEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken) =>
        bulk.InsertNewAsync(EventTable.Spec(Now()), events, cancellationToken);

    public Task UpsertCustomersAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken) =>
        bulk.UpsertAsync(CustomerTable.Spec(Now()), customers, cancellationToken);

    public Task UpsertItemsAsync(IReadOnlyList<CatalogItem> items, CancellationToken cancellationToken) =>
        bulk.UpsertAsync(ItemTable.Spec(Now()), items, cancellationToken);

    private long Now() => UnixMs.From(time.GetUtcNow());
}
