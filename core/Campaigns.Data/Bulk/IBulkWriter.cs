using Campaigns.Data.Access;

namespace Campaigns.Data.Bulk;

/// <summary>Fast idempotent multi-row writes, done the way each database is fastest at.</summary>
internal interface IBulkWriter
{
    /// <summary>Inserts the rows whose key is new, in one transaction; returns how many were inserted.</summary>
    Task<int> InsertNewAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, CancellationToken cancellationToken);

    /// <summary>Inserts the rows whose key is new inside a transaction the caller holds (and commits); returns how many were inserted.</summary>
    Task<int> InsertNewAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, WriteScope scope, CancellationToken cancellationToken);

    /// <summary>Inserts or overwrites the rows (columns marked keep-on-update keep their stored value), in one transaction.</summary>
    Task UpsertAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, CancellationToken cancellationToken);

    /// <summary>Inserts or overwrites rows with distinct keys inside a transaction the caller holds (and commits).</summary>
    Task UpsertAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, WriteScope scope, CancellationToken cancellationToken);

    /// <summary>Inserts the rows (distinct keys) whose key is new inside the caller's transaction; returns the keys inserted.</summary>
    Task<IReadOnlySet<string>> InsertNewKeysAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, WriteScope scope, CancellationToken cancellationToken);
}
