using Campaigns.Data.Access;
using Dapper;

namespace Campaigns.Data.Readers;

/// <summary>
/// Keyset paging (WHERE key &gt; last ORDER BY key LIMIT n): every page costs the same however deep the scan, and only one
/// page is in memory, so a million customers stream in constant memory. Each page opens its own pooled connection, so a
/// slow consumer holds no connection between pages.
/// </summary>
internal static class Keyset
{
    /// <summary>The rows of <paramref name="select"/> (a SELECT ... FROM with no WHERE) after <paramref name="after"/>, in key order.</summary>
    public static async Task<List<TRow>> PageAsync<TRow>(
        ISqlDatabase database, string select, string keyColumn, string? after, int size, CancellationToken cancellationToken)
    {
        var sql = after is null
            ? $"{select} ORDER BY {keyColumn} LIMIT @size"
            : $"{select} WHERE {keyColumn} > @after ORDER BY {keyColumn} LIMIT @size";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TRow>(new CommandDefinition(sql, new { after, size }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>The rows of <paramref name="select"/> whose <paramref name="keyColumn"/> is one of <paramref name="ids"/>, asked in chunks.</summary>
    public static async Task<List<TRow>> ByIdsAsync<TRow>(
        ISqlDatabase database, string select, string keyColumn, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = new List<TRow>();
        if (ids.Count == 0)
            return found;
        // 500 ids per query stays far below SQLite's parameter limit and keeps each statement small on PostgreSQL.
        var sql = $"{select} WHERE {database.InList(keyColumn, "@ids")} ORDER BY {keyColumn}";
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(500))
            found.AddRange(await connection.QueryAsync<TRow>(new CommandDefinition(sql, new { ids = chunk }, cancellationToken: cancellationToken)));
        return found;
    }
}
