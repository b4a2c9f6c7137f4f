using Campaigns.Data.Access;
using Microsoft.Data.Sqlite;

namespace Campaigns.Data.Bulk;

/// <summary>
/// Bulk writes on SQLite: one write transaction and one prepared statement reused for every row, which is as fast as
/// SQLite inserts get (multi-row VALUES lists save little and hit the parameter limit).
/// </summary>
internal sealed class SqliteBulkWriter(SqliteConnector database) : IBulkWriter
{
    public Task<int> InsertNewAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, CancellationToken cancellationToken) =>
        WriteAsync(table, rows, $"ON CONFLICT ({table.ConflictTarget}) DO NOTHING", cancellationToken);

    public Task<int> InsertNewAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, WriteScope scope, CancellationToken cancellationToken) =>
        Task.FromResult(rows.Count == 0 ? 0 : Insert(table, rows, $"ON CONFLICT ({table.ConflictTarget}) DO NOTHING", scope, cancellationToken));

    public Task UpsertAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, CancellationToken cancellationToken) =>
        WriteAsync(table, rows, $"ON CONFLICT ({table.Key.Name}) DO UPDATE SET {table.UpdateList}", cancellationToken);

    public Task UpsertAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, WriteScope scope, CancellationToken cancellationToken)
    {
        Insert(table, rows, $"ON CONFLICT ({table.Key.Name}) DO UPDATE SET {table.UpdateList}", scope, cancellationToken);
        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<string>> InsertNewKeysAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, WriteScope scope, CancellationToken cancellationToken)
    {
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        // Each execution reports 1 for a new row and 0 for a conflict, which is how the new keys are told apart.
        Insert(table, rows, $"ON CONFLICT ({table.Key.Name}) DO NOTHING", scope, cancellationToken,
            row => inserted.Add((string)table.Key.Value(row)!));
        return Task.FromResult<IReadOnlySet<string>>(inserted);
    }

    private async Task<int> WriteAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, string onConflict, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return 0;
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var deferred = rows.Count >= DeferredIndexes.MinimumRows
            && await DeferredIndexes.IsEmptyAsync(scope.Connection, scope.Transaction, table.Table, cancellationToken)
            ? await DeferredIndexes.DropAsync(scope.Connection, scope.Transaction, DatabaseProvider.Sqlite, table.Table, cancellationToken)
            : [];
        var written = Insert(table, rows, onConflict, scope, cancellationToken);
        await DeferredIndexes.RecreateAsync(scope.Connection, scope.Transaction, deferred, cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return written;
    }

    private static int Insert<T>(TableSpec<T> table, IReadOnlyList<T> rows, string onConflict, WriteScope scope, CancellationToken cancellationToken,
        Action<T>? onInserted = null)
    {
        using var command = (SqliteCommand)scope.Connection.CreateCommand();
        command.Transaction = (SqliteTransaction)scope.Transaction;
        var columns = table.Columns;
        var names = string.Join(", ", columns.Select((_, i) => "$p" + i));
        command.CommandText = $"INSERT INTO {table.Table} ({table.ColumnList}) VALUES ({names}) {onConflict}";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();

        var written = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            if ((r & 1023) == 0)
                cancellationToken.ThrowIfCancellationRequested();
            var row = rows[r];
            for (var c = 0; c < columns.Count; c++)
                parameters[c].Value = ToSqlite(columns[c].Value(row));
            // Synchronous on purpose: Microsoft.Data.Sqlite's async methods run synchronously anyway, minus the overhead.
            var changed = command.ExecuteNonQuery();
            written += changed;
            if (changed > 0) onInserted?.Invoke(row);
        }
        return written;
    }

    // Microsoft.Data.Sqlite binds decimal as TEXT; money is REAL in the SQLite schema so sums and comparisons work.
    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        decimal d => (double)d,
        _ => value,
    };
}
