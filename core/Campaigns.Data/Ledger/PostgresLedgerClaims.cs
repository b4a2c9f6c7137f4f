using Campaigns.Data.Access;
using Campaigns.Storage;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Campaigns.Data.Ledger;

/// <summary>Claims with <c>FOR UPDATE SKIP LOCKED</c>; completes a whole batch in one statement over unnested arrays.</summary>
internal sealed class PostgresLedgerClaims(PostgresConnector database) : ILedgerClaims
{
    private static readonly string CompleteSql = $"""
        WITH done AS (
            SELECT * FROM unnest(@keys, @states, @details, @ats, @retries) AS d(key, state, detail, at, retry_at)
        ), changed AS (
            UPDATE deliveries AS t SET
            {LedgerSql.CompletionSet("t.", "d.state", "d.detail", "d.at", "d.retry_at")}
            FROM done AS d
            WHERE t.key = d.key AND t.state = 'sending'
            RETURNING t.key, d.state, d.detail, d.at
        )
        INSERT INTO delivery_outcomes (delivery_key, state, detail, at)
        SELECT key, state, detail, at FROM changed
        """;

    public async Task<List<DeliveryRow>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        var parameters = LedgerSql.ClaimParameters(request);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        // One statement, so it is its own transaction: the row locks last only as long as the UPDATE.
        var rows = await connection.QueryAsync<DeliveryRow>(new CommandDefinition(
            LedgerSql.Claim(request, skipLocked: true), parameters, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<int> CompleteAsync(IReadOnlyList<LedgerCompletion> completions, CancellationToken cancellationToken)
    {
        var states = completions.Select(LedgerSql.StateOf).ToArray();
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(CompleteSql, connection);
        command.Parameters.Add(Array("keys", NpgsqlDbType.Text, completions.Select(c => c.Key).ToArray()));
        command.Parameters.Add(Array("states", NpgsqlDbType.Text, states));
        command.Parameters.Add(Array("details", NpgsqlDbType.Text, completions.Select(c => c.Detail).ToArray()));
        command.Parameters.Add(Array("ats", NpgsqlDbType.Bigint, completions.Select(c => UnixMs.From(c.At)).ToArray()));
        command.Parameters.Add(Array("retries", NpgsqlDbType.Bigint, completions.Select(c => UnixMs.From(c.RetryAt)).ToArray()));
        // The UPDATE and the INSERT of outcomes are one statement, hence one transaction.
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType elementType, T[] values) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values };
}
