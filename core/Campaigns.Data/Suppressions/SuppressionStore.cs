using Campaigns.Data.Access;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Suppressions;

/// <summary>The suppression list over either database: one row per customer and channel kind, the first reason kept.</summary>
internal sealed class SuppressionStore(ISqlDatabase database) : ISuppressionStore
{
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
            $"SELECT customer_id, reason FROM suppressions WHERE channel_kind = @kind AND {database.InList("customer_id", "@ids")}",
            new { kind = channelKind, ids = customerIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Customer, r => r.Reason, StringComparer.Ordinal);
    }
}
