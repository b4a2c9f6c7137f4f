using Campaigns.Data.Access;
using Campaigns.Privacy;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Suppressions;

/// <summary>The suppression list over either database: one row per customer and channel kind (or <c>*</c>), the first reason kept.</summary>
internal sealed class SuppressionStore(ISqlDatabase database) : ISuppressionStore
{
    private const string Columns = "customer_id AS CustomerId, channel_kind AS ChannelKind, reason AS Reason, created_at AS At, detail AS Detail";

    public async Task AddAsync(IReadOnlyList<Suppression> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return;
        await using var write = await database.BeginWriteAsync(cancellationToken);
        // Bounces and unsubscribes come a few at a time: one statement per entry, in one transaction, is plenty.
        await write.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO suppressions (customer_id, channel_kind, reason, detail, created_at)
            VALUES (@CustomerId, @ChannelKind, @Reason, @Detail, @At)
            ON CONFLICT (customer_id, channel_kind) DO NOTHING
            """, entries.Select(e => new { e.CustomerId, e.ChannelKind, e.Reason, e.Detail, At = UnixMs.From(e.At) }).ToList(),
            write.Transaction, cancellationToken: cancellationToken));
        await write.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> customerIds, string channelKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        if (customerIds.Count == 0) return new Dictionary<string, string>();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Customer, string Reason)>(new CommandDefinition(
            $"SELECT customer_id, reason FROM suppressions WHERE channel_kind IN (@kind, @all) AND {database.InList("customer_id", "@ids")}",
            new { kind = channelKind, all = SuppressionReasons.AllKinds, ids = customerIds.ToArray() }, cancellationToken: cancellationToken));
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (customer, reason) in rows)
        {
            // A customer listed for the kind and for every kind: the stronger reason is the one obeyed and reported.
            if (!reasons.TryGetValue(customer, out var known) || SuppressionReasons.Severity(reason) < SuppressionReasons.Severity(known))
                reasons[customer] = reason;
        }
        return reasons;
    }

    public async Task<bool> RemoveAsync(string customerId, string channelKind, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var removed = await write.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM suppressions WHERE customer_id = @customerId AND channel_kind = @channelKind",
            new { customerId, channelKind }, write.Transaction, cancellationToken: cancellationToken));
        await write.CommitAsync(cancellationToken);
        return removed > 0;
    }

    public async Task<IReadOnlyList<Suppression>> ListAsync(string? customerId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var sql = customerId is null
            ? $"SELECT {Columns} FROM suppressions ORDER BY created_at DESC, customer_id, channel_kind LIMIT @limit"
            : $"SELECT {Columns} FROM suppressions WHERE customer_id = @customerId ORDER BY created_at DESC, channel_kind LIMIT @limit";
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { customerId, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Suppression(r.CustomerId, r.ChannelKind, r.Reason, UnixMs.ToTime(r.At), r.Detail))];
    }

    private sealed record Row(string CustomerId, string ChannelKind, string Reason, long At, string? Detail);
}
