using System.Data.Common;

namespace Campaigns.Data.Access;

/// <summary>Opens connections to the configured database and hides the few places where the two dialects differ.</summary>
internal interface ISqlDatabase
{
    /// <summary>The engine behind the connections.</summary>
    DatabaseProvider Provider { get; }

    /// <summary>An open connection for reads (and writes that need no transaction).</summary>
    ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>An open connection with a write transaction; on SQLite the only writer of this process until disposed.</summary>
    Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken);

    /// <summary>A condition testing <paramref name="column"/> against a list parameter (Dapper expands lists on SQLite, Npgsql takes arrays).</summary>
    string InList(string column, string parameter);

    /// <summary>True when the exception is a unique-key violation.</summary>
    bool IsUniqueViolation(Exception exception);
}
