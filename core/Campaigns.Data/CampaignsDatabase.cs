using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Campaigns.Data;

/// <summary>Which database the product uses and how to reach it, as chosen by configuration.</summary>
/// <param name="Provider">The engine.</param>
/// <param name="ConnectionString">The connection string for that engine (may hold a password: log <see cref="Describe"/> instead).</param>
public sealed record CampaignsDatabase(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The configuration key of the PostgreSQL connection string (<c>ConnectionStrings:Campaigns</c>).</summary>
    public const string ConnectionStringName = "Campaigns";

    /// <summary>The configuration key of the data folder that holds the SQLite file when no connection string is set.</summary>
    public const string DataFolderKey = "Campaigns:DataFolder";

    /// <summary>The SQLite file name inside the data folder.</summary>
    public const string SqliteFileName = "campaigns.db";

    /// <summary>
    /// PostgreSQL when <c>ConnectionStrings:Campaigns</c> is set; otherwise SQLite in <c>campaigns.db</c> under
    /// <c>Campaigns:DataFolder</c> (default <c>data</c>, relative to the current directory).
    /// </summary>
    public static CampaignsDatabase FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connectionString))
            return PostgreSql(connectionString);
        var folder = configuration[DataFolderKey];
        return SqliteFile(Path.Combine(string.IsNullOrWhiteSpace(folder) ? "data" : folder, SqliteFileName));
    }

    /// <summary>A PostgreSQL database.</summary>
    public static CampaignsDatabase PostgreSql(string connectionString) => new(DatabaseProvider.PostgreSql, connectionString);

    /// <summary>A SQLite database in the given file (the folder is created when the database is first opened).</summary>
    public static CampaignsDatabase SqliteFile(string path)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy database until the command timeout; the busy_timeout pragma does the rest.
            DefaultTimeout = 30,
        };
        return new CampaignsDatabase(DatabaseProvider.Sqlite, builder.ToString());
    }

    /// <summary>The SQLite file, or null for PostgreSQL.</summary>
    public string? FilePath => Provider == DatabaseProvider.Sqlite ? new SqliteConnectionStringBuilder(ConnectionString).DataSource : null;

    /// <summary>A line for logs, without secrets: <c>SQLite at /path/campaigns.db</c> or <c>PostgreSQL at host:port/database as user</c>.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
            return $"SQLite at {FilePath}";
        var pg = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL at {pg.Host}:{pg.Port}/{pg.Database ?? pg.Username} as {pg.Username}";
    }

    /// <summary>The description, never the connection string, so a password never reaches a log by accident.</summary>
    public override string ToString() => Describe();
}
