using Npgsql;
using NpgsqlTypes;

namespace Campaigns.Data.Bulk;

/// <summary>One column of a bulk write: its name, its PostgreSQL type and how to take its value from a row.</summary>
internal abstract class BulkColumn<T>(string name, NpgsqlDbType type, bool keepOnUpdate)
{
    /// <summary>The column name.</summary>
    public string Name { get; } = name;

    /// <summary>The PostgreSQL type written by binary COPY.</summary>
    public NpgsqlDbType Type { get; } = type;

    /// <summary>True when an upsert must keep the stored value (created_at).</summary>
    public bool KeepOnUpdate { get; } = keepOnUpdate;

    /// <summary>Writes the row's value to a binary COPY, typed, so no value is boxed on the PostgreSQL path.</summary>
    public abstract void Write(NpgsqlBinaryImporter importer, T row);

    /// <summary>The row's value as a parameter value (null for SQL NULL).</summary>
    public abstract object? Value(T row);

    /// <summary>The column's values of all <paramref name="rows"/> as one typed array parameter, for <c>unnest</c>.</summary>
    public abstract NpgsqlParameter Array(IReadOnlyList<T> rows);
}

/// <summary>A column whose values are references or non-nullable values.</summary>
internal sealed class ValueColumn<T, TValue>(string name, NpgsqlDbType type, Func<T, TValue> get, bool keepOnUpdate = false)
    : BulkColumn<T>(name, type, keepOnUpdate)
{
    public override void Write(NpgsqlBinaryImporter importer, T row)
    {
        var value = get(row);
        if (value is null)
            importer.WriteNull();
        else
            importer.Write(value, Type);
    }

    public override object? Value(T row) => get(row);

    public override NpgsqlParameter Array(IReadOnlyList<T> rows)
    {
        var values = new TValue[rows.Count];
        for (var i = 0; i < values.Length; i++) values[i] = get(rows[i]);
        return new NpgsqlParameter<TValue[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | Type };
    }
}

/// <summary>A column of nullable values (stock, times that may be unset).</summary>
internal sealed class NullableColumn<T, TValue>(string name, NpgsqlDbType type, Func<T, TValue?> get)
    : BulkColumn<T>(name, type, false)
    where TValue : struct
{
    public override void Write(NpgsqlBinaryImporter importer, T row)
    {
        var value = get(row);
        if (value is { } present)
            importer.Write(present, Type);
        else
            importer.WriteNull();
    }

    public override object? Value(T row) => get(row);

    public override NpgsqlParameter Array(IReadOnlyList<T> rows)
    {
        var values = new TValue?[rows.Count];
        for (var i = 0; i < values.Length; i++) values[i] = get(rows[i]);
        return new NpgsqlParameter<TValue?[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | Type };
    }
}
