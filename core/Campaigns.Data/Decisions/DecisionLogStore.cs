using System.Runtime.CompilerServices;
using Campaigns.Data.Access;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Decisions;

/// <summary>The decision log over either database; outcomes are joined from the ledger, tracking events and attributions.</summary>
internal sealed class DecisionLogStore(ISqlDatabase database) : IDecisionLog
{
    private const string Insert = "INSERT INTO decisions (delivery_key, campaign_id, campaign_version, occurrence, customer_id, kind, policy, " +
        "policy_version, model_version, chosen, probability, candidates, features, decided_at)";

    private const string OnConflict = "ON CONFLICT (delivery_key, kind) DO NOTHING";

    public async Task AppendAsync(IReadOnlyList<LoggedDecision> decisions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        if (decisions.Count == 0) return;
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var rows = decisions.Select(DecisionRow.From).ToList();
        // A planning run appends two or three decisions per customer: on PostgreSQL one statement over arrays instead
        // of a round trip per row (Dapper runs a list parameter once per element).
        var command = database.Provider == DatabaseProvider.PostgreSql
            ? new CommandDefinition($"{Insert} SELECT * FROM unnest(@DeliveryKey, @CampaignId, @CampaignVersion, @Occurrence, @CustomerId, @Kind, @Policy, " +
                $"@PolicyVersion, @ModelVersion, @Chosen, @Probability, @Candidates, @Features, @DecidedAt) {OnConflict}", DecisionColumns.Of(rows),
                write.Transaction, cancellationToken: cancellationToken)
            : new CommandDefinition($"{Insert} VALUES (@DeliveryKey, @CampaignId, @CampaignVersion, @Occurrence, @CustomerId, @Kind, @Policy, @PolicyVersion, " +
                $"@ModelVersion, @Chosen, @Probability, @Candidates, @Features, @DecidedAt) {OnConflict}", rows, write.Transaction, cancellationToken: cancellationToken);
        await write.Connection.ExecuteAsync(command);
        await write.CommitAsync(cancellationToken);
    }

    public async IAsyncEnumerable<IReadOnlyList<LoggedOutcome>> ReadAsync(string campaignId, string? kind, int batchSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        await using var connection = await database.OpenAsync(cancellationToken);
        var after = 0L;
        while (true)
        {
            var rows = (await connection.QueryAsync<DecisionRow>(new CommandDefinition(
                $"SELECT {DecisionRow.Columns} FROM decisions WHERE campaign_id = @campaignId AND (@kind IS NULL OR kind = @kind) AND id > @after ORDER BY id LIMIT @batchSize",
                new { campaignId, kind, after, batchSize }, cancellationToken: cancellationToken))).ToList();
            if (rows.Count == 0) yield break;
            after = rows[^1].Id;
            var outcomes = await DecisionOutcomes.ReadAsync(database, connection, rows, cancellationToken);
            yield return [.. rows.Select(r => outcomes.For(r.ToDecision()))];
            if (rows.Count < batchSize) yield break;
        }
    }
}
