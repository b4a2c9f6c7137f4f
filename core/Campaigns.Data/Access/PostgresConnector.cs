using System.Data.Common;
using Npgsql;

namespace Campaigns.Data.Access;

/// <summary>PostgreSQL connections from one pooled data source; many hosts may write at once, the database arbitrates.</summary>
internal sealed class PostgresConnector : ISqlDatabase, IAsyncDisposable, IDisposable
{
    public PostgresConnector(CampaignsDatabase database)
    {
        if (database.Provider != DatabaseProvider.PostgreSql)
            throw new ArgumentException("Not a PostgreSQL database.", nameof(database));
        DataSource = NpgsqlDataSource.Create(database.ConnectionString);
    }

    /// <summary>The pooled data source (bulk paths use Npgsql's COPY API directly).</summary>
    public NpgsqlDataSource DataSource { get; }

    public DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await DataSource.OpenConnectionAsync(cancellationToken);

    public async Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new WriteScope(connection, transaction, null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public string InList(string column, string parameter) => $"{column} = ANY({parameter})";

    public bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
