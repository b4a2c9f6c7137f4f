using NpgsqlTypes;

namespace Campaigns.Data.Bulk;

/// <summary>Short factories for <see cref="BulkColumn{T}"/>, one per stored type.</summary>
internal static class Column
{
    public static BulkColumn<T> Text<T>(string name, Func<T, string?> get) => new ValueColumn<T, string?>(name, NpgsqlDbType.Text, get);

    public static BulkColumn<T> Int<T>(string name, Func<T, int> get) => new ValueColumn<T, int>(name, NpgsqlDbType.Integer, get);

    public static BulkColumn<T> NullableInt<T>(string name, Func<T, int?> get) => new NullableColumn<T, int>(name, NpgsqlDbType.Integer, get);

    public static BulkColumn<T> NullableLong<T>(string name, Func<T, long?> get) => new NullableColumn<T, long>(name, NpgsqlDbType.Bigint, get);

    public static BulkColumn<T> Long<T>(string name, Func<T, long> get, bool keepOnUpdate = false) =>
        new ValueColumn<T, long>(name, NpgsqlDbType.Bigint, get, keepOnUpdate);

    public static BulkColumn<T> Double<T>(string name, Func<T, double> get) => new ValueColumn<T, double>(name, NpgsqlDbType.Double, get);

    public static BulkColumn<T> Numeric<T>(string name, Func<T, decimal> get) => new ValueColumn<T, decimal>(name, NpgsqlDbType.Numeric, get);
}
