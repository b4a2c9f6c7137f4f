namespace Campaigns.Data;

/// <summary>Which database engine holds the product's data.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file: one process, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: any number of host processes share it.</summary>
    PostgreSql,
}
