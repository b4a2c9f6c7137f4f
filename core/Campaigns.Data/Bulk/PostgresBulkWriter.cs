using Campaigns.Data.Access;
using Npgsql;

namespace Campaigns.Data.Bulk;

/// <summary>
/// Bulk writes on PostgreSQL: binary COPY into a temporary table, then one INSERT ... SELECT ... ON CONFLICT. COPY is the
/// fastest way in; the temporary table is not WAL-logged, and the single INSERT lets the server do the conflict checks.
/// </summary>
internal sealed class PostgresBulkWriter(PostgresConnector database) : IBulkWriter
{
    public Task<int> InsertNewAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, CancellationToken cancellationToken) =>
        WriteAsync(table, rows, $"ON CONFLICT ({table.Key.Name}) DO NOTHING", cancellationToken);

    public Task UpsertAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, CancellationToken cancellationToken) =>
        WriteAsync(table, table.LastPerKey(rows), $"ON CONFLICT ({table.Key.Name}) DO UPDATE SET {table.UpdateList}", cancellationToken);

    private async Task<int> WriteAsync<T>(TableSpec<T> table, IReadOnlyList<T> rows, string onConflict, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return 0;
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var staged = "staged_" + table.Table;
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE {staged} (LIKE {table.Table}) ON COMMIT DROP", connection, transaction))
            await create.ExecuteNonQueryAsync(cancellationToken);

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

        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {table.Table} ({table.ColumnList}) SELECT {table.ColumnList} FROM {staged} {onConflict}", connection, transaction)
        {
            CommandTimeout = 0, // a million rows may take longer than the 30 s default on a busy machine
        };
        var written = await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }
}
