using System.Runtime.CompilerServices;
using Campaigns.Data;

namespace Campaigns.Evaluation;

/// <summary>
/// The contract's three readers over the training half of a split, so evaluation runs the very stages campaigns run.
/// Customers are the users with training events (as the file described them, else time zone UTC); the catalogue is the importer's, with no stock
/// tracked; the aggregates follow the semantics the database readers document.
/// </summary>
/// <remarks>
/// Events stay in an <see cref="EventTable"/> (flat columns) with a time-order permutation; <see cref="Interaction"/>
/// and <see cref="Customer"/> objects are built only for the chunk being streamed, and the aggregates count over int
/// indexes. That is what keeps 20 million events and a million customers within a few gigabytes.
/// </remarks>
internal sealed class TrainingData : ICustomerReader, ICatalogReader, IInteractionReader
{
    private readonly EventTable _table;
    private readonly int[] _order;
    private readonly string[] _customerIds;
    private readonly CatalogItem[] _items;
    private readonly Dictionary<string, CatalogItem> _itemsById;
    private readonly IReadOnlyDictionary<string, Customer>? _known;

    /// <param name="train">The training events.</param>
    /// <param name="catalog">The catalogue.</param>
    /// <param name="known">Customers as the file described them (time zones); others are <c>new Customer(id)</c>, UTC.</param>
    public TrainingData(IReadOnlyList<Interaction> train, IReadOnlyList<CatalogItem> catalog, IReadOnlyDictionary<string, Customer>? known = null)
    {
        _known = known;
        _table = train as EventTable ?? EventTable.From(train);
        _order = TimeOrder(_table);
        _customerIds = new string[_table.CustomerCount];
        for (var c = 0; c < _customerIds.Length; c++) _customerIds[c] = _table.CustomerId(c);
        Array.Sort(_customerIds, StringComparer.Ordinal);
        _items = [.. catalog.Select(i => i with { Stock = null }).OrderBy(i => i.Id, StringComparer.Ordinal)];
        _itemsById = _items.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// A stage context over these readers with the clock stopped just after the latest event, as the offline verbs and
    /// benchmarks build their stages.
    /// </summary>
    public Stages.StageContext Context(Microsoft.Extensions.Logging.ILogger logger, Stages.CampaignRunInfo run, string dataFolder) => new()
    {
        Customers = this,
        Catalog = this,
        Interactions = this,
        Time = new FixedClock(LatestEvent.AddTicks(1)),
        Logger = logger,
        Run = run,
        DataFolder = Directory.CreateDirectory(dataFolder).FullName,
    };

    /// <summary>The instant of the latest event; the Unix epoch when there is none.</summary>
    public DateTimeOffset LatestEvent => _order.Length == 0 ? DateTimeOffset.UnixEpoch : new DateTimeOffset(_table.TicksOf(_order[^1]), TimeSpan.Zero);

    public async IAsyncEnumerable<IReadOnlyList<Customer>> ReadAllAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in _customerIds.Chunk(batchSize)) yield return Array.ConvertAll(chunk, CustomerOf);
        await Task.CompletedTask;
    }

    public Task<IReadOnlyList<Customer>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Customer>>([.. ids.Distinct(StringComparer.Ordinal).Where(id => _table.FindCustomer(id) >= 0).Select(CustomerOf)]);

    private Customer CustomerOf(string id) => _known?.GetValueOrDefault(id) ?? new Customer(id);

    Task<IReadOnlyList<CatalogItem>> ICatalogReader.GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CatalogItem>>([.. ids.Distinct(StringComparer.Ordinal).Where(_itemsById.ContainsKey).Select(id => _itemsById[id])]);

    async IAsyncEnumerable<IReadOnlyList<CatalogItem>> ICatalogReader.ReadAllAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in _items.Chunk(batchSize)) yield return chunk;
        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<IReadOnlyList<Interaction>> ReadAsync(InteractionQuery query, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in Matching(query).Chunk(batchSize)) yield return Array.ConvertAll(chunk, n => _table[n]);
        await Task.CompletedTask;
    }

    public Task<IReadOnlyList<ItemActivity>> CountByItemAsync(InteractionQuery query, int top, CancellationToken cancellationToken) =>
        Task.FromResult(TrainingAggregates.ByItem(_table, Matching(query), top));

    public async IAsyncEnumerable<IReadOnlyList<CustomerActivity>> CountByCustomerAsync(InteractionQuery query, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in TrainingAggregates.ByCustomer(_table, Matching(query), _customerIds).Chunk(batchSize)) yield return chunk;
        await Task.CompletedTask;
    }

    /// <summary>Event indexes in time order matching the query: Since inclusive, Until exclusive, Types null or empty for all.</summary>
    private IEnumerable<int> Matching(InteractionQuery query)
    {
        var since = query.Since?.UtcTicks ?? long.MinValue;
        var until = query.Until?.UtcTicks ?? long.MaxValue;
        bool[]? types = null;
        if (query.Types is { Count: > 0 })
        {
            types = new bool[256];
            foreach (var type in query.Types)
                if (_table.FindType(type) is var t and >= 0) types[t] = true;
        }
        foreach (var n in _order)
        {
            var ticks = _table.TicksOf(n);
            if (ticks >= since && ticks < until && (types is null || types[_table.TypeIndexOf(n)])) yield return n;
        }
    }

    /// <summary>Event indexes sorted by time, ties in table order (as a stable sort would leave them).</summary>
    private static int[] TimeOrder(EventTable table)
    {
        var keys = new long[table.Count];
        var order = new int[table.Count];
        for (var n = 0; n < order.Length; n++) (keys[n], order[n]) = (table.TicksOf(n), n);
        Array.Sort(keys, order);
        // Array.Sort is not stable: restore table order within each run of equal instants.
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start]) end++;
            if (end - start > 1) order.AsSpan(start, end - start).Sort();
            start = end;
        }
        return order;
    }
}

/// <summary>A clock stopped at the end of training, so windowed stages see "now" where the test period starts.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
