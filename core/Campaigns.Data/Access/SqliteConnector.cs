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

    private const string ConnectionPragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;";

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
            // Pooled connections keep these settings; repeating them is a no-op that costs microseconds.
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
        try
        {
            var connection = (SqliteConnection)await OpenAsync(cancellationToken);
            // BEGIN IMMEDIATE takes the write lock now, so another process cannot make this transaction fail half-way.
            var transaction = connection.BeginTransaction(deferred: false);
            return new WriteScope(connection, transaction, () => _writerGate.Release());
        }
        catch
        {
            _writerGate.Release();
            throw;
        }
    }

    public string InList(string column, string parameter) => $"{column} IN {parameter}";

    public bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19 }; // SQLITE_CONSTRAINT
}
