using System.Collections.Concurrent;
using Campaigns.Data.Access;
using Npgsql;

namespace Campaigns.Data.Bulk;

/// <summary>
/// Bulk writes on PostgreSQL: binary COPY into a temporary table, then one INSERT ... SELECT ... ON CONFLICT. COPY is the
/// fastest way in; the temporary table is not WAL-logged, and the single INSERT lets the server do the conflict checks.
/// Small writes (up to <see cref="ArraysUpTo"/> rows) skip the temporary table: one INSERT over typed arrays.
/// Measured here (2 cores): 1M ledger rows in about 12 s. Writing two halves at once on two connections, or staging in
/// 100k-row slices, was no faster.
/// </summary>
internal sealed class PostgresBulkWriter(PostgresConnector database, TimeProvider time) : IBulkWriter
{
    private const int AnalyzeThreshold = 50_000;

    /// <summary>Writes up to this many rows are one INSERT over arrays; larger ones are copied into a staging table first.</summary>
    private const int ArraysUpTo = 5_000;
    private static readonly TimeSpan AnalyzeInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, long> _lastAnalyzed = new(StringComparer.Ordinal);

    public Task<int> InsertNewAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, CancellationToken cancellationToken) =>
        WriteAsync(table, rows, $"ON CONFLICT ({table.ConflictTarget}) DO NOTHING", cancellationToken);

    public async Task<int> InsertNewAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, WriteScope scope, CancellationToken cancellationToken) =>
        rows.Count == 0 ? 0 : await CopyAndInsertAsync((NpgsqlConnection)scope.Connection, (NpgsqlTransaction)scope.Transaction, table, rows,
            $"ON CONFLICT ({table.ConflictTarget}) DO NOTHING", deferIndexesIfEmpty: false, cancellationToken);

    public Task UpsertAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, CancellationToken cancellationToken) =>
        WriteAsync(table, table.LastPerKey(rows), $"ON CONFLICT ({table.Key.Name}) DO UPDATE SET {table.UpdateList}", cancellationToken);

    public async Task UpsertAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, WriteScope scope, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        await CopyAndInsertAsync((NpgsqlConnection)scope.Connection, (NpgsqlTransaction)scope.Transaction, table, rows,
            $"ON CONFLICT ({table.Key.Name}) DO UPDATE SET {table.UpdateList}", deferIndexesIfEmpty: false, cancellationToken);
    }

    public async Task<IReadOnlySet<string>> InsertNewKeysAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, WriteScope scope, CancellationToken cancellationToken)
    {
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        if (rows.Count == 0) return inserted;
        // RETURNING names exactly the rows this statement inserted: the new ones, told apart from duplicates in one round trip.
        await using var command = ArrayInsert((NpgsqlConnection)scope.Connection, (NpgsqlTransaction)scope.Transaction, table, rows,
            $"ON CONFLICT ({table.ConflictTarget}) DO NOTHING RETURNING {table.Key.Name}");
        // Prepared once per pooled connection (Npgsql keeps it across open/close): every API batch after the first skips
        // parsing and planning the statement. A no-op when the connection has it already.
        await command.PrepareAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) inserted.Add(reader.GetString(0));
        return inserted;
    }

    private async Task<int> WriteAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, string onConflict, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return 0;
        var written = await StageAndInsertAsync(table, rows, onConflict, cancellationToken);
        if (written >= AnalyzeThreshold && IsAnalyzeDue(table.Table))
        {
            // Until autovacuum gets to a freshly filled table (a minute or more) the planner has no statistics and
            // picks a full sort for the next claims: 0.7 s each instead of 20 ms with 1M due rows. ANALYZE samples
            // (~0.5 s for 1M rows), so once a minute is enough while a large plan is written in chunks.
            await using var analyze = database.DataSource.CreateCommand($"ANALYZE {table.Table}");
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }
        return written;
    }

    private async Task<int> StageAndInsertAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, string onConflict, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        // Probed outside the transaction: a table that has rows (the usual case) is never locked below.
        var freshLoad = rows.Count >= DeferredIndexes.MinimumRows && await DeferredIndexes.IsEmptyAsync(connection, null, table.Table, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (freshLoad)
        {
            // Taken before any other lock on the table, so two hosts loading at once queue here instead of deadlocking
            // when DROP INDEX upgrades the lock; the second then finds rows and keeps the indexes.
            await ExecuteAsync(connection, transaction, $"LOCK TABLE {table.Table} IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
        }
        var written = await CopyAndInsertAsync(connection, transaction, table, rows, onConflict, deferIndexesIfEmpty: freshLoad, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>COPY into a temporary table, then one INSERT ... SELECT; with <paramref name="deferIndexesIfEmpty"/>, an empty table loses its indexes until the rows are in.</summary>
    private static async Task<int> CopyAndInsertAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, TableSpec<T> table, IReadOnlyList<T> rows,
        string onConflict, bool deferIndexesIfEmpty, CancellationToken cancellationToken)
    {
        if (rows.Count <= ArraysUpTo && !deferIndexesIfEmpty)
        {
            await using var insert = ArrayInsert(connection, transaction, table, rows, onConflict);
            return await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        var staged = await StageAsync(connection, transaction, table, rows, cancellationToken);
        var deferred = deferIndexesIfEmpty && await DeferredIndexes.IsEmptyAsync(connection, transaction, table.Table, cancellationToken)
            ? await DeferredIndexes.DropAsync(connection, transaction, DatabaseProvider.PostgreSql, table.Table, cancellationToken)
            : [];
        var written = await ExecuteAsync(connection, transaction,
            $"INSERT INTO {table.Table} ({table.ColumnList}) SELECT {table.ColumnList} FROM {staged} {onConflict}", cancellationToken);
        await DeferredIndexes.RecreateAsync(connection, transaction, deferred, cancellationToken);
        return written;
    }

    /// <summary>
    /// One INSERT over typed arrays (unnest), for a small write: a trigger micro-batch, a decision-log append, an API batch.
    /// Creating and dropping a temporary table per write updates the system catalogs (pg_class, pg_attribute, pg_type) every
    /// time, which costs more than COPY saves at this size (docs/benchmarks.md, issue 5).
    /// </summary>
    private static NpgsqlCommand ArrayInsert<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, TableSpec<T> table, IReadOnlyList<T> rows, string onConflict)
    {
        var command = new NpgsqlCommand($"{table.InsertFromArrays} {onConflict}", connection, transaction) { CommandTimeout = 0 };
        foreach (var column in table.Columns) command.Parameters.Add(column.Array(rows));
        return command;
    }

    /// <summary>Binary COPY of the rows into a temporary table dropped at commit; returns its name.</summary>
    private static async Task<string> StageAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, TableSpec<T> table, IReadOnlyList<T> rows,
        CancellationToken cancellationToken)
    {
        var staged = "staged_" + table.Table;
        // The written columns only, with their types and collations and no constraints: a table whose id the INSERT assigns (decisions) stages too.
        await ExecuteAsync(connection, transaction, $"CREATE TEMP TABLE {staged} ON COMMIT DROP AS SELECT {table.ColumnList} FROM {table.Table} WITH NO DATA", cancellationToken);

        await using (var importer = await connection.BeginBinaryImportAsync(
            $"COPY {staged} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            var columns = table.Columns;
            for (var i = 0; i < rows.Count; i++)
            {
                await importer.StartRowAsync(cancellationToken);
                var row = rows[i];
                foreach (var column in columns)
                    column.Write(importer, row);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        return staged;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        // No timeout: a million rows may take longer than the 30 s default on a busy machine.
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private bool IsAnalyzeDue(string table)
    {
        var now = time.GetTimestamp();
        var last = _lastAnalyzed.GetOrAdd(table, long.MinValue);
        return (last == long.MinValue || time.GetElapsedTime(last, now) >= AnalyzeInterval) && _lastAnalyzed.TryUpdate(table, now, last);
    }
}
