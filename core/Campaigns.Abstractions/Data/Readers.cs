namespace Campaigns.Data;

/// <summary>Read-only access to customers, implemented by the host over its store.</summary>
public interface ICustomerReader
{
    /// <summary>Streams every customer in batches of at most <paramref name="batchSize"/>, ordered by id.</summary>
    IAsyncEnumerable<IReadOnlyList<Customer>> ReadAllAsync(int batchSize, CancellationToken cancellationToken);

    /// <summary>The customers with the given ids that exist; unknown ids are left out.</summary>
    Task<IReadOnlyList<Customer>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}

/// <summary>Read-only access to the catalogue, implemented by the host over its store.</summary>
public interface ICatalogReader
{
    /// <summary>The items with the given ids that exist; unknown ids are left out.</summary>
    Task<IReadOnlyList<CatalogItem>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Streams every item in batches of at most <paramref name="batchSize"/>, ordered by id.</summary>
    IAsyncEnumerable<IReadOnlyList<CatalogItem>> ReadAllAsync(int batchSize, CancellationToken cancellationToken);
}

/// <summary>Read-only access to behaviour events, implemented by the host over its store.</summary>
/// <remarks>The aggregate methods run in the database, so a plugin never has to stream millions of events to count them.</remarks>
public interface IInteractionReader
{
    /// <summary>Streams the events that match <paramref name="query"/> in time order, in batches.</summary>
    IAsyncEnumerable<IReadOnlyList<Interaction>> ReadAsync(InteractionQuery query, int batchSize, CancellationToken cancellationToken);

    /// <summary>Per item: how many matching events and how many distinct customers, most customers first.</summary>
    Task<IReadOnlyList<ItemActivity>> CountByItemAsync(InteractionQuery query, int top, CancellationToken cancellationToken);

    /// <summary>Streams, per customer with at least one matching event, the time of the last one and the count, ordered by customer id.</summary>
    IAsyncEnumerable<IReadOnlyList<CustomerActivity>> CountByCustomerAsync(InteractionQuery query, int batchSize, CancellationToken cancellationToken);
}

/// <summary>Which events to read.</summary>
/// <param name="Since">Inclusive lower bound; null for no bound.</param>
/// <param name="Until">Exclusive upper bound; null for no bound.</param>
/// <param name="Types">Event types to keep; null or empty for all.</param>
public sealed record InteractionQuery(DateTimeOffset? Since = null, DateTimeOffset? Until = null, IReadOnlyList<string>? Types = null);

/// <summary>How active an item was.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Events">Matching events.</param>
/// <param name="Customers">Distinct customers behind them.</param>
/// <param name="Quantity">Sum of quantities.</param>
public sealed record ItemActivity(string ItemId, long Events, long Customers, double Quantity);

/// <summary>How active a customer was.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Events">Matching events.</param>
/// <param name="LastAt">When the last one happened.</param>
public sealed record CustomerActivity(string CustomerId, long Events, DateTimeOffset LastAt);
