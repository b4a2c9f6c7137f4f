using Campaigns.Data.Access;
using Campaigns.Data.Bulk;
using Campaigns.Scheduling;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Ledger;

/// <summary>The delivery ledger over either database; claiming and completing are delegated to the dialect.</summary>
internal sealed class LedgerStore(ISqlDatabase database, IBulkWriter bulk, ILedgerClaims claims, TimeProvider time) : ILedgerStore
{
    public Task<int> InsertAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken) =>
        bulk.InsertNewAsync(DeliveryTable.Spec(UnixMs.From(time.GetUtcNow())), entries, cancellationToken);

    public async Task<int> InsertCappedAsync(ContactScope scope, Func<ContactHistory, IReadOnlyList<LedgerEntry>> place, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(place);
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var history = await ContactHistoryReader.ReadAsync(database, write, scope, cancellationToken);
        var rows = place(history);
        var inserted = await bulk.InsertNewAsync(DeliveryTable.Spec(UnixMs.From(time.GetUtcNow())), rows, write, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return inserted;
    }

    public async Task<IReadOnlyList<LedgerEntry>> ClaimDueAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = await claims.ClaimAsync(request, cancellationToken);
        // UPDATE ... RETURNING gives no order; hand the batch out in send order.
        return [.. rows.Select(r => r.ToEntry()).OrderBy(e => e.SendAt).ThenBy(e => e.Key, StringComparer.Ordinal)];
    }

    public async Task CompleteAsync(IReadOnlyList<LedgerCompletion> completions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completions);
        if (completions.Count > 0)
            await claims.CompleteAsync(completions, cancellationToken);
    }

    public async Task ReleaseAsync(IReadOnlyList<string> keys, DateTimeOffset sendAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) return;
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE deliveries SET state = 'planned', send_at = @sendAt, attempts = attempts - 1, claimed_by = NULL, lease_until = NULL, updated_at = @now
            WHERE {database.InList("key", "@keys")} AND state = 'sending'
            """, new { keys = keys.ToArray(), sendAt = UnixMs.From(sendAt), now = UnixMs.From(time.GetUtcNow()) }, write.Transaction, cancellationToken: cancellationToken));
        await write.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<DeliveryState, long>> CountByStateAsync(string? campaignId, string? occurrence, CancellationToken cancellationToken)
    {
        var (where, parameters) = Scope(campaignId, occurrence);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
            $"SELECT state, COUNT(*) FROM deliveries {where} GROUP BY state", parameters, cancellationToken: cancellationToken));
        // Every state is present, zero when no row has it, so callers need no TryGetValue.
        var counts = Enum.GetValues<DeliveryState>().ToDictionary(s => s, _ => 0L);
        foreach (var (state, count) in rows)
            counts[DeliveryStateText.Parse(state)] = count;
        return counts;
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var next = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MIN(send_at) FROM deliveries WHERE state = 'planned'", cancellationToken: cancellationToken));
        return next is { } ms ? UnixMs.ToTime(ms) : null;
    }

    public async Task<LedgerEntry?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DeliveryRow>(new CommandDefinition(
            $"SELECT {DeliveryRow.Columns} FROM deliveries WHERE key = @key", new { key }, cancellationToken: cancellationToken));
        return row?.ToEntry();
    }

    public async Task<IReadOnlyList<LedgerEntry>> ListAsync(string campaignId, string? occurrence, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var (where, parameters) = Scope(campaignId, occurrence);
        parameters.Add("limit", limit);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeliveryRow>(new CommandDefinition(
            $"SELECT {DeliveryRow.Columns} FROM deliveries {where} ORDER BY key LIMIT @limit", parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }

    private static (string Where, DynamicParameters Parameters) Scope(string? campaignId, string? occurrence)
    {
        var parameters = new DynamicParameters();
        var conditions = new List<string>();
        if (campaignId is not null)
        {
            conditions.Add("campaign_id = @campaignId");
            parameters.Add("campaignId", campaignId);
        }
        if (occurrence is not null)
        {
            conditions.Add("occurrence = @occurrence");
            parameters.Add("occurrence", occurrence);
        }
        return (conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions), parameters);
    }
}
