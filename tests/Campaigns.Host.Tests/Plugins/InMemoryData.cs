using System.Runtime.CompilerServices;
using Campaigns.Data;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>The three readers over plain lists, with the semantics the contract documents.</summary>
internal sealed class InMemoryData : ICustomerReader, ICatalogReader, IInteractionReader
{
    public List<Customer> CustomerList { get; } = [];
    public List<CatalogItem> Items { get; } = [];
    public List<Interaction> Events { get; } = [];

    async IAsyncEnumerable<IReadOnlyList<Customer>> ICustomerReader.ReadAllAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in CustomerList.OrderBy(c => c.Id, StringComparer.Ordinal).Chunk(batchSize)) yield return chunk;
        await Task.CompletedTask;
    }

    Task<IReadOnlyList<Customer>> ICustomerReader.GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Customer>>([.. CustomerList.Where(c => ids.Contains(c.Id))]);

    Task<IReadOnlyList<CatalogItem>> ICatalogReader.GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CatalogItem>>([.. Items.Where(i => ids.Contains(i.Id))]);

    async IAsyncEnumerable<IReadOnlyList<CatalogItem>> ICatalogReader.ReadAllAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in Items.OrderBy(i => i.Id, StringComparer.Ordinal).Chunk(batchSize)) yield return chunk;
        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<IReadOnlyList<Interaction>> ReadAsync(InteractionQuery query, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in Matching(query).OrderBy(e => e.OccurredAt).Chunk(batchSize)) yield return chunk;
        await Task.CompletedTask;
    }

    public Task<IReadOnlyList<ItemActivity>> CountByItemAsync(InteractionQuery query, int top, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ItemActivity>>([.. Matching(query)
            .Where(e => e.ItemId.Length > 0)
            .GroupBy(e => e.ItemId)
            .Select(g => new ItemActivity(g.Key, g.LongCount(), g.Select(e => e.CustomerId).Distinct().LongCount(), g.Sum(e => e.Quantity)))
            .OrderByDescending(a => a.Customers)
            .Take(top)]);

    public async IAsyncEnumerable<IReadOnlyList<CustomerActivity>> CountByCustomerAsync(InteractionQuery query, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var activity = Matching(query)
            .GroupBy(e => e.CustomerId)
            .Select(g => new CustomerActivity(g.Key, g.LongCount(), g.Max(e => e.OccurredAt)))
            .OrderBy(a => a.CustomerId, StringComparer.Ordinal);
        foreach (var chunk in activity.Chunk(batchSize)) yield return chunk;
        await Task.CompletedTask;
    }

    public InMemoryData Buy(string customerId, string itemId, DateTimeOffset at, string type = InteractionTypes.Purchase)
    {
        Events.Add(new Interaction(customerId, itemId, type, at));
        return this;
    }

    private IEnumerable<Interaction> Matching(InteractionQuery query) => Events.Where(e =>
        (query.Since is null || e.OccurredAt >= query.Since) &&
        (query.Until is null || e.OccurredAt < query.Until) &&
        (query.Types is not { Count: > 0 } || query.Types.Contains(e.Type)));
}
