using System.Data.Common;
using Dapper;

namespace Campaigns.Data.Bulk;

/// <summary>
/// The first large load into an empty table (an initial import, the first big plan) runs 2-3 times faster when the
/// table's secondary indexes are dropped and built once afterwards instead of being updated row by row (400k events:
/// 9.8 s against 4.0 s on PostgreSQL here). Unique indexes stay: ON CONFLICT needs them. Everything happens in the
/// caller's transaction, so a failure rolls the indexes back with the rows.
/// </summary>
internal static class DeferredIndexes
{
    /// <summary>Fewer rows than this are written with the indexes in place: rebuilding would cost more than it saves.</summary>
    public const int MinimumRows = 50_000;

    private const string PostgresIndexes = """
        SELECT c.relname AS Name, pg_get_indexdef(i.indexrelid) AS Definition
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = CAST(@table AS regclass) AND NOT i.indisunique
        """;

    private const string SqliteIndexes = """
        SELECT name AS Name, sql AS Definition FROM sqlite_master
        WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
        """;

    /// <summary>True when the table has no row (a cheap probe: one index or page read).</summary>
    public static async Task<bool> IsEmptyAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken cancellationToken) =>
        !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM {table})", transaction: transaction, cancellationToken: cancellationToken));

    /// <summary>Drops the table's secondary indexes and returns their definitions for <see cref="RecreateAsync"/>.</summary>
    public static async Task<IReadOnlyList<IndexDefinition>> DropAsync(
        DbConnection connection, DbTransaction transaction, DatabaseProvider provider, string table, CancellationToken cancellationToken)
    {
        var indexes = (await connection.QueryAsync<IndexDefinition>(new CommandDefinition(
            provider == DatabaseProvider.PostgreSql ? PostgresIndexes : SqliteIndexes, new { table }, transaction,
            cancellationToken: cancellationToken))).AsList();
        foreach (var index in indexes)
            await connection.ExecuteAsync(new CommandDefinition($"DROP INDEX {index.Name}", transaction: transaction, cancellationToken: cancellationToken));
        return indexes;
    }

    /// <summary>Builds the indexes dropped by <see cref="DropAsync"/>.</summary>
    public static async Task RecreateAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<IndexDefinition> indexes, CancellationToken cancellationToken)
    {
        foreach (var index in indexes)
            await connection.ExecuteAsync(new CommandDefinition(index.Definition, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
    }
}

/// <summary>A secondary index: its name and the statement that creates it.</summary>
internal sealed record IndexDefinition(string Name, string Definition);
