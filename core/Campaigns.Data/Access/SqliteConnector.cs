using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Campaigns.Data.Access;

/// <summary>SQLite connections: WAL so readers never wait for the writer, and one writer at a time per file in this process.</summary>
internal sealed class SqliteConnector : ISqlDatabase
{
    // SQLite allows one writer per file; queueing writers here is fairer and cheaper than letting them spin on SQLITE_BUSY.
    // Keyed by file so that two service providers on the same file (tests, tools) share the queue.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriterGates = new(StringComparer.Ordinal);

    // WAL: readers never wait for the writer. NORMAL sync is safe with WAL (a power cut may lose the last commits, never
    // corrupt). The WAL file is cut back to 64 MiB after checkpoints, or one big import would leave it at its size.
    // Readers keep an 8 MiB page cache; writers get 64 MiB (see WriterPragmas).
    private const string ConnectionPragmas =
        "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA journal_size_limit=67108864; PRAGMA cache_size=-8192;";

    // Bulk writes touch index pages all over the file; with SQLite's default 2 MiB cache, 400k events took twice as long.
    private const string WriterPragmas = "PRAGMA cache_size=-65536;";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writerGate;

    public SqliteConnector(CampaignsDatabase database)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
            throw new ArgumentException("Not a SQLite database.", nameof(database));
        var path = database.FilePath!;
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        _connectionString = database.ConnectionString;
        _writerGate = WriterGates.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
    }

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Every open, because a pooled connection keeps what the last user set (a writer's bigger cache); microseconds.
            using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await _writerGate.WaitAsync(cancellationToken);
        SqliteConnection? connection = null;
        try
        {
            connection = (SqliteConnection)await OpenAsync(cancellationToken);
            using (var command = connection.CreateCommand())
            {
                command.CommandText = WriterPragmas;
                command.ExecuteNonQuery();
            }
            // BEGIN IMMEDIATE takes the write lock now, so another process cannot make this transaction fail half-way.
            var transaction = connection.BeginTransaction(deferred: false);
            return new WriteScope(connection, transaction, () => _writerGate.Release());
        }
        catch
        {
            if (connection is not null)
                await connection.DisposeAsync();
            _writerGate.Release();
            throw;
        }
    }

    public string InList(string column, string parameter) => $"{column} IN {parameter}";

    public bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19 }; // SQLITE_CONSTRAINT
}
