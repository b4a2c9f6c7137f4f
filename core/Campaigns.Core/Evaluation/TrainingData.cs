using System.Runtime.CompilerServices;
using Campaigns.Data;

namespace Campaigns.Evaluation;

/// <summary>
/// The contract's three readers over the training half of a split, so evaluation runs the very stages campaigns run.
/// Customers are the users with training events (time zone UTC); the catalogue is the importer's, with no stock
/// tracked; the aggregates follow the semantics the database readers document.
/// </summary>
internal sealed class TrainingData : ICustomerReader, ICatalogReader, IInteractionReader
{
    private readonly Interaction[] _events;
    private readonly Customer[] _customers;
    private readonly Dictionary<string, Customer> _customersById;
    private readonly CatalogItem[] _items;
    private readonly Dictionary<string, CatalogItem> _itemsById;

    /// <param name="train">The training events.</param>
    /// <param name="catalog">The catalogue.</param>
    /// <param name="known">Customers as the file described them (time zones); others are <c>new Customer(id)</c>, UTC.</param>
    public TrainingData(IReadOnlyList<Interaction> train, IReadOnlyList<CatalogItem> catalog, IReadOnlyDictionary<string, Customer>? known = null)
    {
        _events = [.. train.OrderBy(e => e.OccurredAt)];
        _customers = [.. train.Select(e => e.CustomerId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => known?.GetValueOrDefault(id) ?? new Customer(id))];
        _customersById = _customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _items = [.. catalog.Select(i => i with { Stock = null }).OrderBy(i => i.Id, StringComparer.Ordinal)];
        _itemsById = _items.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    public async IAsyncEnumerable<IReadOnlyList<Customer>> ReadAllAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in _customers.Chunk(batchSize)) yield return chunk;
        await Task.CompletedTask;
    }

    public Task<IReadOnlyList<Customer>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Customer>>([.. ids.Distinct(StringComparer.Ordinal).Where(_customersById.ContainsKey).Select(id => _customersById[id])]);

    Task<IReadOnlyList<CatalogItem>> ICatalogReader.GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CatalogItem>>([.. ids.Distinct(StringComparer.Ordinal).Where(_itemsById.ContainsKey).Select(id => _itemsById[id])]);

    async IAsyncEnumerable<IReadOnlyList<CatalogItem>> ICatalogReader.ReadAllAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in _items.Chunk(batchSize)) yield return chunk;
        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<IReadOnlyList<Interaction>> ReadAsync(InteractionQuery query, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in Matching(query).Chunk(batchSize)) yield return chunk;
        await Task.CompletedTask;
    }

    public Task<IReadOnlyList<ItemActivity>> CountByItemAsync(InteractionQuery query, int top, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ItemActivity>>([.. Matching(query)
            .Where(e => e.ItemId.Length > 0)
            .GroupBy(e => e.ItemId, StringComparer.Ordinal)
            .Select(g => new ItemActivity(g.Key, g.LongCount(), g.Select(e => e.CustomerId).Distinct(StringComparer.Ordinal).LongCount(), g.Sum(e => e.Quantity)))
            .OrderByDescending(a => a.Customers).ThenByDescending(a => a.Events).ThenBy(a => a.ItemId, StringComparer.Ordinal)
            .Take(Math.Max(0, top))]);

    public async IAsyncEnumerable<IReadOnlyList<CustomerActivity>> CountByCustomerAsync(InteractionQuery query, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var activity = Matching(query)
            .GroupBy(e => e.CustomerId, StringComparer.Ordinal)
            .Select(g => new CustomerActivity(g.Key, g.LongCount(), g.Max(e => e.OccurredAt)))
            .OrderBy(a => a.CustomerId, StringComparer.Ordinal);
        foreach (var chunk in activity.Chunk(batchSize)) yield return chunk;
        await Task.CompletedTask;
    }

    /// <summary>Since inclusive, Until exclusive, Types null or empty for all: the contract's <see cref="InteractionQuery"/>.</summary>
    private IEnumerable<Interaction> Matching(InteractionQuery query)
    {
        var types = query.Types is { Count: > 0 } t ? t.ToHashSet(StringComparer.Ordinal) : null;
        return _events.Where(e =>
            (query.Since is null || e.OccurredAt >= query.Since) &&
            (query.Until is null || e.OccurredAt < query.Until) &&
            (types is null || types.Contains(e.Type)));
    }
}

/// <summary>A clock stopped at the end of training, so windowed stages see "now" where the test period starts.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
