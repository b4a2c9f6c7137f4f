using Campaigns.Data;
using Campaigns.Storage;

namespace Campaigns.Core.Tests.Import;

/// <summary>
/// An <see cref="IImportWriter"/> in memory with the store's insert-or-ignore semantics, which also checks that every
/// event arrives after its customer and item.
/// </summary>
internal sealed class InMemoryImportWriter : IImportWriter
{
    public Dictionary<string, Customer> Customers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, CatalogItem> Items { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Interaction> Events { get; } = new(StringComparer.Ordinal);

    /// <summary>Events written before their customer or item existed.</summary>
    public List<string> OrderViolations { get; } = [];

    /// <summary>Sizes of the event batches received.</summary>
    public List<int> EventBatches { get; } = [];

    public Task<int> AddCustomersAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken) =>
        Task.FromResult(customers.Count(c => Customers.TryAdd(c.Id, c)));

    public Task<int> AddItemsAsync(IReadOnlyList<CatalogItem> items, CancellationToken cancellationToken) =>
        Task.FromResult(items.Count(i => Items.TryAdd(i.Id, i)));

    public Task<int> AddEventsAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        EventBatches.Add(events.Count);
        foreach (var e in events)
        {
            if (!Customers.ContainsKey(e.Interaction.CustomerId)) OrderViolations.Add($"{e.EventId}: customer {e.Interaction.CustomerId}");
            if (e.Interaction.ItemId.Length > 0 && !Items.ContainsKey(e.Interaction.ItemId)) OrderViolations.Add($"{e.EventId}: item {e.Interaction.ItemId}");
        }
        return Task.FromResult(events.Count(e => Events.TryAdd(e.EventId, e.Interaction)));
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
