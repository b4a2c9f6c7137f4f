using System.Diagnostics;
using System.Text.Json;
using Campaigns.Data;
using Campaigns.Events;
using Campaigns.Host.Api.Phases;
using Campaigns.Host.Api.Records;
using Campaigns.Ingest;
using Campaigns.Storage;

namespace Campaigns.Host.Api;

/// <summary>
/// Validates a whole batch, stores it in one transaction, and tells the <see cref="IEventObserver"/>s what was committed.
/// The REST endpoints and the <c>ingest</c> verb both come through here, so they accept and refuse exactly the same.
/// All or nothing: one bad record and nothing of the batch is stored.
/// </summary>
internal sealed class BatchIngest(IIngestStore writer, EventPublisher publisher, TimeProvider time, ApiOptions options, IngestPhases phases)
{
    /// <summary>
    /// Validates and stores <paramref name="records"/>; on any error nothing is stored and the errors are returned. With
    /// <paramref name="store"/> false it only validates (the verb, when some lines are not even JSON, still reports the rest).
    /// </summary>
    public async Task<BatchResult> IngestAsync(RecordKind kind, IReadOnlyList<JsonElement> records, bool store, CancellationToken cancellationToken)
    {
        var errors = new List<RecordError>();
        var now = time.GetUtcNow();
        switch (kind)
        {
            case RecordKind.Events:
            {
                var started = Stopwatch.GetTimestamp();
                var valid = Read(records, errors, f => EventRecords.Read(f, now, options));
                started = phases.Add(IngestPhase.Validate, started);
                if (errors.Count > 0 || !store) return BatchResult.Refused(records.Count, errors);
                var events = new StoredEvent[valid.Count];
                for (var i = 0; i < events.Length; i++) events[i] = valid[i].ToStored();
                started = phases.Add(IngestPhase.DeriveIds, started);
                var stored = await writer.AddEventsAsync(events, cancellationToken);
                started = phases.Add(IngestPhase.Store, started);
                await PublishAsync([.. stored.Select(e => e.Interaction)], [], [], cancellationToken);
                phases.Add(IngestPhase.Publish, started);
                phases.AddRecords(records.Count);
                return new BatchResult(records.Count, stored.Count, records.Count - stored.Count, []);
            }
            case RecordKind.Customers:
            {
                var patches = Read(records, errors, CustomerRecords.Read);
                if (errors.Count > 0 || !store) return BatchResult.Refused(records.Count, errors);
                var customers = await writer.UpsertCustomersAsync(patches, cancellationToken);
                await PublishAsync([], customers, [], cancellationToken);
                return new BatchResult(records.Count, customers.Count, 0, []);
            }
            default:
            {
                var patches = Read(records, errors, ItemRecords.Read);
                if (errors.Count > 0 || !store) return BatchResult.Refused(records.Count, errors);
                var upsert = await writer.UpsertItemsAsync(patches, cancellationToken);
                if (upsert.Errors.Count > 0) return BatchResult.Refused(records.Count, upsert.Errors);
                await PublishAsync([], [], upsert.Changes, cancellationToken);
                return new BatchResult(records.Count, upsert.Changes.Count, 0, []);
            }
        }
    }

    private static List<T> Read<T>(IReadOnlyList<JsonElement> records, List<RecordError> errors, Func<RecordFields, T?> read) where T : class
    {
        var valid = new List<T>(records.Count);
        for (var i = 0; i < records.Count; i++)
            if (read(new RecordFields(records[i], i, errors)) is { } record) valid.Add(record);
        return valid;
    }

    private ValueTask PublishAsync(IReadOnlyList<Interaction> events, IReadOnlyList<Customer> customers, IReadOnlyList<CatalogChange> catalog, CancellationToken cancellationToken) =>
        events.Count + customers.Count + catalog.Count == 0
            ? ValueTask.CompletedTask
            : publisher.PublishAsync(new AcceptedBatch(events, customers, catalog, time.GetUtcNow()), cancellationToken);
}

/// <summary>What a batch came to: how many records arrived, how many were stored, how many were already stored, or why none was.</summary>
/// <param name="Received">Records in the batch.</param>
/// <param name="Stored">Events newly stored, or customers / items written.</param>
/// <param name="Duplicates">Events already stored (same id), including repeats within the batch.</param>
/// <param name="Errors">Every problem found; when not empty nothing was stored.</param>
internal sealed record BatchResult(int Received, int Stored, int Duplicates, IReadOnlyList<RecordError> Errors)
{
    public static BatchResult Refused(int received, IReadOnlyList<RecordError> errors) => new(received, 0, 0, errors);
}
