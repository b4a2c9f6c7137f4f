using Campaigns.Data.Access;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Erasure;

/// <summary>One table's part of an erasure: what it does, in words for the report, and how.</summary>
/// <param name="Table">The table it touches.</param>
/// <param name="Action">What it does to the customer's rows (<c>deleted</c>, <c>anonymised</c>...).</param>
/// <param name="Run">Runs the step inside the erasure's transaction; returns the rows touched.</param>
internal sealed record ErasureStep(string Table, string Action, Func<ErasureContext, Task<int>> Run)
{
    /// <summary>False for a step that writes what erasure leaves behind: its rows do not show the customer was known.</summary>
    public bool FindsData { get; init; } = true;

    /// <summary>A step that is one statement over <c>@id</c> (the customer id), <c>@hash</c> (the hashed id) and <c>@now</c> (Unix ms).</summary>
    public static ErasureStep Sql(string table, string action, string sql) => new(table, action, context => context.ExecuteAsync(sql));
}

/// <summary>What every step gets: the open write transaction, the ids and the clock of one erasure.</summary>
internal sealed class ErasureContext(WriteScope scope, string customerId, string hashedId, long now, ICustomerIdHasher hasher, CancellationToken cancellationToken)
{
    public string CustomerId => customerId;
    public string HashedId => hashedId;
    public ICustomerIdHasher Hasher => hasher;
    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>Runs a statement with <c>@id</c>, <c>@hash</c>, <c>@now</c> and any <paramref name="extra"/> named values.</summary>
    public Task<int> ExecuteAsync(string sql, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var parameters = new DynamicParameters(new { id = customerId, hash = hashedId, now });
        if (extra is not null) parameters.AddDynamicParams(extra);
        return scope.Connection.ExecuteAsync(new CommandDefinition(sql, parameters, scope.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Runs a query with the same parameters as <see cref="ExecuteAsync"/>.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql) =>
        [.. await scope.Connection.QueryAsync<T>(new CommandDefinition(sql, new { id = customerId, hash = hashedId, now }, scope.Transaction, cancellationToken: cancellationToken))];
}
