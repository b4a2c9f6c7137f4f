using Campaigns.Data;
using Campaigns.Data.Access;
using Campaigns.Ingest;
using Campaigns.Storage;
using System.Data.Common;

namespace Campaigns.Host.Bench;

/// <summary>
/// The baseline of <c>bench ingest</c>: what a first implementation does, one INSERT ... ON CONFLICT DO NOTHING per event
/// (a new command each time, still one transaction per batch, so the difference measured is the statement count, not fsyncs).
/// Customers and items are not benchmarked and go to the real store.
/// </summary>
internal sealed class NaiveEventStore(ISqlDatabase database, IIngestStore real) : IIngestStore
{
    public async Task<IReadOnlyList<StoredEvent>> AddEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        var stored = new List<StoredEvent>(events.Count);
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        foreach (var e in events)
        {
            await using var command = scope.Connection.CreateCommand();
            command.Transaction = scope.Transaction;
            command.CommandText = """
                INSERT INTO events (event_id, customer_id, item_id, type, occurred_at, quantity, value, properties)
                VALUES (@id, @customer, @item, @type, @at, @quantity, @value, @properties)
                ON CONFLICT (event_id) DO NOTHING
                """;
            Add(command, "id", e.EventId);
            Add(command, "customer", e.Interaction.CustomerId);
            Add(command, "item", e.Interaction.ItemId);
            Add(command, "type", e.Interaction.Type);
            Add(command, "at", UnixMs.From(e.Interaction.OccurredAt));
            Add(command, "quantity", e.Interaction.Quantity);
            Add(command, "value", database.Provider == DatabaseProvider.Sqlite ? (double)e.Interaction.Value : e.Interaction.Value);
            Add(command, "properties", e.Properties);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1) stored.Add(e);
        }
        await scope.CommitAsync(cancellationToken);
        return stored;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public Task<IReadOnlyList<Customer>> UpsertCustomersAsync(IReadOnlyList<CustomerPatch> patches, CancellationToken cancellationToken) =>
        real.UpsertCustomersAsync(patches, cancellationToken);

    public Task<ItemUpsert> UpsertItemsAsync(IReadOnlyList<ItemPatch> patches, CancellationToken cancellationToken) =>
        real.UpsertItemsAsync(patches, cancellationToken);
}
