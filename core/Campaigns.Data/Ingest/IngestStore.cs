using Campaigns.Data.Access;
using Campaigns.Data.Bulk;
using Campaigns.Data.Import;
using Campaigns.Data.Readers;
using Campaigns.Data.Triggers;
using Campaigns.Events;
using Campaigns.Ingest;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Ingest;

/// <summary>
/// The API's writes, each in one transaction through the dialect's bulk path (binary COPY + one INSERT ... SELECT on
/// PostgreSQL, one prepared statement on SQLite). Upserts read the stored rows in the same transaction (locked on
/// PostgreSQL) so that a merge or a catalog change's "before" cannot race another writer.
/// </summary>
internal sealed class IngestStore(ISqlDatabase database, IBulkWriter bulk, TimeProvider time) : IIngestStore
{
    public async Task<IReadOnlyList<StoredEvent>> AddEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        // The first of a repeated id wins; later ones in the same batch are duplicates like any other.
        var distinct = events.DistinctBy(e => e.EventId, StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) return [];
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var inserted = await bulk.InsertNewKeysAsync(EventTable.Spec(Now()), distinct, scope, cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return inserted.Count == distinct.Count ? distinct : [.. distinct.Where(e => inserted.Contains(e.EventId))];
    }

    public async Task<IReadOnlyList<Customer>> UpsertCustomersAsync(IReadOnlyList<CustomerPatch> patches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patches);
        if (patches.Count == 0) return [];
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var stored = (await StoredAsync<CustomerRow>(scope, CustomerRow.Select, patches.Select(p => p.Id), cancellationToken))
            .ToDictionary(r => r.Id, r => r.ToCustomer(), StringComparer.Ordinal);
        // Patches of the same customer apply in batch order, each on the result of the one before.
        var after = new Dictionary<string, Customer>(StringComparer.Ordinal);
        foreach (var patch in patches)
            after[patch.Id] = patch.ApplyTo(after.GetValueOrDefault(patch.Id) ?? stored.GetValueOrDefault(patch.Id));
        var customers = after.Values.ToList();
        await bulk.UpsertAsync(CustomerTable.Spec(Now()), customers, scope, cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return customers;
    }

    public async Task<ItemUpsert> UpsertItemsAsync(IReadOnlyList<ItemPatch> patches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patches);
        if (patches.Count == 0) return new ItemUpsert([], []);
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var stored = (await StoredAsync<CatalogItemRow>(scope, CatalogItemRow.Select, patches.Select(p => p.Id), cancellationToken))
            .ToDictionary(r => r.Id, r => r.ToItem(), StringComparer.Ordinal);
        var after = new Dictionary<string, CatalogItem>(StringComparer.Ordinal);
        var errors = new List<RecordError>();
        for (var i = 0; i < patches.Count; i++)
        {
            var patch = patches[i];
            var (item, missing) = patch.ApplyTo(after.GetValueOrDefault(patch.Id) ?? stored.GetValueOrDefault(patch.Id));
            if (item is null) errors.Add(new RecordError(i, missing!, $"is required for a new item ('{patch.Id}' is not in the catalog)"));
            else after[patch.Id] = item;
        }
        if (errors.Count > 0) return new ItemUpsert([], errors); // disposing the scope rolls back: nothing was written
        var items = after.Values.ToList();
        var now = Now();
        await bulk.UpsertAsync(ItemTable.Spec(now), items, scope, cancellationToken);
        // The change carries the time it is stored under, so the live path and a replay name the same occurrence.
        var changedAt = UnixMs.ToTime(now);
        List<CatalogChange> changes = [.. items.Select(i => stored.TryGetValue(i.Id, out var before)
            ? new CatalogChange(i, before.Price, before.Stock) { ChangedAt = changedAt }
            : new CatalogChange(i, null, null) { ChangedAt = changedAt })];
        await CatalogChangeLog.AddAsync(scope, changes, now, cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return new ItemUpsert(changes, []);
    }

    private async Task<List<TRow>> StoredAsync<TRow>(WriteScope scope, string select, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        // FOR UPDATE on PostgreSQL: a concurrent upsert of the same rows waits, then merges onto this one's result.
        // SQLite's write transaction is already exclusive.
        var lockRows = database.Provider == DatabaseProvider.PostgreSql ? " FOR UPDATE" : "";
        var rows = await scope.Connection.QueryAsync<TRow>(new CommandDefinition(
            $"{select} WHERE {database.InList("id", "@ids")}{lockRows}", new { ids = ids.Distinct(StringComparer.Ordinal).ToArray() },
            scope.Transaction, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private long Now() => UnixMs.From(time.GetUtcNow());
}
