using System.Runtime.CompilerServices;
using Campaigns.Data.Access;
using Campaigns.Data.Bulk;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Decisions;

/// <summary>The decision log over either database; outcomes are joined from the ledger, tracking events and attributions.</summary>
internal sealed class DecisionLogStore(ISqlDatabase database, IBulkWriter bulk) : IDecisionLog
{
    public async Task AppendAsync(IReadOnlyList<LoggedDecision> decisions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        if (decisions.Count == 0) return;
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await bulk.InsertNewAsync(DecisionTable.Spec, [.. decisions.Select(DecisionRow.From)], write, cancellationToken);
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
