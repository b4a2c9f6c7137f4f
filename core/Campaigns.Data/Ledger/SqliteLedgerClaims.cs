using Campaigns.Data.Access;
using Campaigns.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Campaigns.Data.Ledger;

/// <summary>Claims and completes inside BEGIN IMMEDIATE transactions: SQLite has one writer, so no row can be taken twice.</summary>
internal sealed class SqliteLedgerClaims(SqliteConnector database) : ILedgerClaims
{
    private static readonly string UpdateSql =
        $"UPDATE deliveries SET {LedgerSql.CompletionSet("", "$state", "$detail", "$at", "$retryAt")} WHERE key = $key AND state = 'sending'";

    private const string OutcomeSql = "INSERT INTO delivery_outcomes (delivery_key, state, detail, at) VALUES ($key, $state, $detail, $at)";

    public async Task<List<DeliveryRow>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        var parameters = LedgerSql.ClaimParameters(request);
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var rows = (await scope.Connection.QueryAsync<DeliveryRow>(new CommandDefinition(
            LedgerSql.Claim(request, skipLocked: false), parameters, scope.Transaction, cancellationToken: cancellationToken))).AsList();
        await scope.CommitAsync(cancellationToken);
        return rows;
    }

    public async Task<int> CompleteAsync(IReadOnlyList<LedgerCompletion> completions, CancellationToken cancellationToken)
    {
        var states = completions.Select(LedgerSql.StateOf).ToArray();
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        var transaction = (SqliteTransaction)scope.Transaction;
        using var update = Prepare(scope, transaction, UpdateSql, "$key", "$state", "$detail", "$at", "$retryAt");
        using var outcome = Prepare(scope, transaction, OutcomeSql, "$key", "$state", "$detail", "$at");

        var applied = 0;
        for (var i = 0; i < completions.Count; i++)
        {
            var c = completions[i];
            Bind(update, c.Key, states[i], c.Detail, UnixMs.From(c.At));
            update.Parameters["$retryAt"].Value = (object?)UnixMs.From(c.RetryAt) ?? DBNull.Value;
            // A row that is not in sending (never claimed, or completed already) is left alone and gets no outcome.
            if (update.ExecuteNonQuery() == 0)
                continue;
            Bind(outcome, c.Key, states[i], c.Detail, UnixMs.From(c.At));
            outcome.ExecuteNonQuery();
            applied++;
        }
        await scope.CommitAsync(cancellationToken);
        return applied;
    }

    private static SqliteCommand Prepare(WriteScope scope, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = (SqliteCommand)scope.Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
            command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, string key, string state, string? detail, long at)
    {
        command.Parameters["$key"].Value = key;
        command.Parameters["$state"].Value = state;
        command.Parameters["$detail"].Value = (object?)detail ?? DBNull.Value;
        command.Parameters["$at"].Value = at;
    }
}
