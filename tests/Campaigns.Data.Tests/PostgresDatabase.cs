using Npgsql;

namespace Campaigns.Data.Tests;

/// <summary>
/// A fresh, empty PostgreSQL database for one test class, dropped on dispose. The server comes from the
/// <c>CAMPAIGNS_TEST_POSTGRES</c> environment variable (e.g. <c>Host=127.0.0.1;Username=postgres;Password=campaigns</c>);
/// without it creation fails with a message saying so, because these tests never fall back to a mock or skip.
/// Campaigns.Host.Tests compiles this same file in.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding the server's connection string.</summary>
    public const string EnvironmentVariable = "CAMPAIGNS_TEST_POSTGRES";

    private readonly string _serverConnectionString;

    private PostgresDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ToString();
    }

    /// <summary>The database name, <c>campaigns_test_&lt;random&gt;</c>.</summary>
    public string Name { get; }

    /// <summary>A connection string to the new database.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a new empty database on the server named by <see cref="EnvironmentVariable"/>.</summary>
    public static async Task<PostgresDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. These tests need a real PostgreSQL server: set it to a connection string such as " +
                "'Host=127.0.0.1;Username=postgres;Password=campaigns' (the user must be allowed to create databases).");
        var database = new PostgresDatabase(server, "campaigns_test_" + Guid.NewGuid().ToString("N")[..16]);
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database.Name}", cancellationToken);
        return database;
    }

    /// <summary>Drops the database, closing any connection still open to it.</summary>
    public async ValueTask DisposeAsync() => await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", CancellationToken.None);

    private async Task ExecuteOnServerAsync(string sql, CancellationToken cancellationToken)
    {
        // CREATE/DROP DATABASE run from the maintenance database, on an unpooled connection that leaves nothing behind.
        var admin = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
