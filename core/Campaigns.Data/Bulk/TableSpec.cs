namespace Campaigns.Data.Bulk;

/// <summary>What a bulk write puts where: the table, its unique key column and the columns written from each row.</summary>
internal sealed class TableSpec<T>
{
    public TableSpec(string table, IReadOnlyList<BulkColumn<T>> columns)
    {
        Table = table;
        Columns = columns;
        // The first column is the key by convention: every bulk-written table is keyed by one text column.
        Key = columns[0];
        ColumnList = string.Join(", ", columns.Select(c => c.Name));
        ConflictTarget = Key.Name;
        InsertFromArrays = $"INSERT INTO {table} ({ColumnList}) SELECT * FROM unnest({string.Join(", ", columns.Select((_, i) => "$" + (i + 1)))})";
    }

    public string Table { get; }

    public BulkColumn<T> Key { get; }

    /// <summary>What an insert of new rows conflicts on: the key column, or a composite unique key such as <c>delivery_key, kind</c>.</summary>
    public string ConflictTarget { get; init; } = "";

    public IReadOnlyList<BulkColumn<T>> Columns { get; }

    /// <summary>The column names, comma-separated, in write order.</summary>
    public string ColumnList { get; }

    /// <summary>PostgreSQL: an INSERT of the rows given as one array parameter per column ($1, $2, ... in column order), to be followed by its ON CONFLICT clause.</summary>
    public string InsertFromArrays { get; }

    /// <summary>The SET list of an upsert: every column but the key and those kept on update.</summary>
    public string UpdateList => string.Join(", ",
        Columns.Where(c => c != Key && !c.KeepOnUpdate).Select(c => $"{c.Name} = excluded.{c.Name}"));

    /// <summary>The rows with each key once, keeping the last (an upsert may not touch a row twice in one statement).</summary>
    public IReadOnlyList<T> LastPerKey(IReadOnlyList<T> rows)
    {
        var byKey = new Dictionary<string, T>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
            byKey[(string)Key.Value(row)!] = row;
        return byKey.Count == rows.Count ? rows : [.. byKey.Values];
    }
}
