using Campaigns.Data;
using Campaigns.Storage;

namespace Campaigns.Evaluation;

/// <summary>
/// An <see cref="IImportWriter"/> that keeps what the importer reads in memory, so evaluation reads files through the
/// same parser (and the same line-numbered error reports) as <c>import</c> without touching the database.
/// </summary>
internal sealed class CollectingImportWriter : IImportWriter
{
    private readonly HashSet<string> _eventIds = new(StringComparer.Ordinal);

    public Dictionary<string, Customer> Customers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CatalogItem> Items { get; } = new(StringComparer.Ordinal);

    public List<Interaction> Events { get; } = [];

    public Task<int> AddCustomersAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken) =>
        Task.FromResult(customers.Count(c => Customers.TryAdd(c.Id, c)));

    public Task<int> AddItemsAsync(IReadOnlyList<CatalogItem> items, CancellationToken cancellationToken) =>
        Task.FromResult(items.Count(i => Items.TryAdd(i.Id, i)));

    public Task<int> AddEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var e in events)
        {
            if (!_eventIds.Add(e.EventId)) continue;
            Events.Add(e.Interaction);
            added++;
        }
        return Task.FromResult(added);
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
