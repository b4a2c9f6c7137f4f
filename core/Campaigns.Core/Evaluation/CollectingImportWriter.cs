using Campaigns.Data;
using Campaigns.Storage;

namespace Campaigns.Evaluation;

/// <summary>
/// An <see cref="IImportWriter"/> that keeps what the importer reads in memory, so evaluation reads files through the
/// same parser (and the same line-numbered error reports) as <c>import</c> without touching the database.
/// </summary>
/// <remarks>
/// It holds one import of one file, whose event ids the mappers make unique (identical lines are numbered), so it does
/// not keep the ids to ignore repeats as a database does: on 20 million events that set alone took gigabytes.
/// </remarks>
/// <param name="keep">Which events to keep; the others are counted as added and dropped.</param>
internal sealed class CollectingImportWriter(Func<Interaction, bool> keep) : IImportWriter
{
    public Dictionary<string, Customer> Customers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CatalogItem> Items { get; } = new(StringComparer.Ordinal);

    /// <summary>The kept events, as flat columns (no object per event).</summary>
    public EventTable Events { get; } = new();

    public Task<int> AddCustomersAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken) =>
        Task.FromResult(customers.Count(c => Customers.TryAdd(c.Id, c)));

    public Task<int> AddItemsAsync(IReadOnlyList<CatalogItem> items, CancellationToken cancellationToken) =>
        Task.FromResult(items.Count(i => Items.TryAdd(i.Id, i)));

    public Task<int> AddEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
            if (keep(e.Interaction)) Events.Add(e.Interaction);
        return Task.FromResult(events.Count);
    }

    public Task UpsertCustomersAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken)
    {
        foreach (var c in customers) Customers[c.Id] = c;
        return Task.CompletedTask;
    }

    public Task UpsertItemsAsync(IReadOnlyList<CatalogItem> items, CancellationToken cancellationToken)
    {
        foreach (var i in items) Items[i.Id] = i;
        return Task.CompletedTask;
    }
}
