using System.Runtime.CompilerServices;
using Campaigns.Data.Access;
using Campaigns.Events;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Triggers;

/// <summary>The <c>trigger_host_marks</c> table, and what a replay reads from <c>events</c>, <c>catalog_changes</c> and <c>deliveries</c>.</summary>
internal sealed class TriggerWatermarkStore(ISqlDatabase database, TimeProvider time) : ITriggerWatermarks
{
    private const string Columns = "host_id AS HostId, campaign_id AS CampaignId, accepted_through AS AcceptedThrough, seen_at AS SeenAt";

    public async Task<IReadOnlyList<HostMark>> HeartbeatAsync(string hostId, Func<IReadOnlyList<HostMark>, IReadOnlyDictionary<string, DateTimeOffset>> marks,
        DateTimeOffset deadBefore, bool adoptOwn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marks);
        var now = UnixMs.From(time.GetUtcNow());
        await using var write = await database.BeginWriteAsync(cancellationToken);
        // DELETE ... RETURNING takes the rows exactly once: a second host adopting at the same time waits for this
        // transaction (a row lock on PostgreSQL, the write lock on SQLite) and then finds them gone.
        var adopted = (await write.Connection.QueryAsync<MarkRow>(new CommandDefinition(
            $"DELETE FROM trigger_host_marks WHERE (seen_at < @deadBefore AND host_id <> @hostId) OR (@adoptOwn AND host_id = @hostId) RETURNING {Columns}",
            new { deadBefore = UnixMs.From(deadBefore), hostId, adoptOwn }, write.Transaction, cancellationToken: cancellationToken)))
            .Select(r => r.ToMark()).ToList();
        var mine = marks(adopted).Select(m => new { hostId, campaignId = m.Key, at = UnixMs.From(m.Value), now }).ToList();
        await write.Connection.ExecuteAsync(new CommandDefinition("DELETE FROM trigger_host_marks WHERE host_id = @hostId", new { hostId },
            write.Transaction, cancellationToken: cancellationToken));
        if (mine.Count > 0)
            await write.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO trigger_host_marks (host_id, campaign_id, accepted_through, seen_at) VALUES (@hostId, @campaignId, @at, @now)",
                mine, write.Transaction, cancellationToken: cancellationToken));
        await write.CommitAsync(cancellationToken);
        return adopted;
    }

    public async Task<IReadOnlyList<HostMark>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MarkRow>(new CommandDefinition(
            $"SELECT {Columns} FROM trigger_host_marks ORDER BY host_id, campaign_id", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToMark())];
    }

    public async IAsyncEnumerable<IReadOnlyList<Interaction>> AcceptedEventsAsync(DateTimeOffset acceptedSince, DateTimeOffset occurredSince,
        IReadOnlyList<string> types, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        // Event ids are never empty: (acceptedSince, "") sorts before every row accepted at acceptedSince.
        var (lastAt, lastId) = (UnixMs.From(acceptedSince), "");
        while (true)
        {
            // Keyset over (accepted_at, event_id): each chunk starts after the last row of the one before. The plain
            // accepted_at bound says the same as the row comparison's first column; it is there so both databases can
            // use their accepted_at index, which PostgreSQL does not do for a row comparison against a BRIN index.
            List<(string EventId, string CustomerId, string ItemId, string Type, long OccurredAt, long AcceptedAt)> rows;
            await using (var connection = await database.OpenAsync(cancellationToken))
                rows = (await connection.QueryAsync<(string, string, string, string, long, long)>(new CommandDefinition($"""
                    SELECT event_id, customer_id, item_id, type, occurred_at, accepted_at FROM events
                    WHERE accepted_at >= @lastAt AND (accepted_at, event_id) > (@lastAt, @lastId) AND occurred_at >= @occurredSince
                      AND {database.InList("type", "@types")}
                    ORDER BY accepted_at, event_id LIMIT @batchSize
                    """, new { lastAt, lastId, occurredSince = UnixMs.From(occurredSince), types = types.ToArray(), batchSize },
                    cancellationToken: cancellationToken))).AsList();
            if (rows.Count == 0) yield break;
            yield return rows.ConvertAll(r => new Interaction(r.CustomerId, r.ItemId, r.Type, UnixMs.ToTime(r.OccurredAt)));
            if (rows.Count < batchSize) yield break;
            (lastAt, lastId) = (rows[^1].AcceptedAt, rows[^1].EventId);
        }
    }

    public async Task<IReadOnlyList<CatalogChange>> CatalogChangesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CatalogChangeLog.ChangeRow>(new CommandDefinition(
            $"{CatalogChangeLog.ChangeRow.Select} WHERE changed_at >= @since ORDER BY changed_at, item_id", new { since = UnixMs.From(since) },
            cancellationToken: cancellationToken));
        return CatalogChangeLog.FromRows(rows);
    }

    public async Task<IReadOnlySet<string>> ExistingKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) return new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await connection.QueryAsync<string>(new CommandDefinition($"SELECT key FROM deliveries WHERE {database.InList("key", "@keys")}",
            new { keys = keys.Distinct(StringComparer.Ordinal).ToArray() }, cancellationToken: cancellationToken));
        return found.ToHashSet(StringComparer.Ordinal);
    }

    private sealed class MarkRow
    {
        public string HostId { get; set; } = "";
        public string CampaignId { get; set; } = "";
        public long AcceptedThrough { get; set; }
        public long SeenAt { get; set; }

        public HostMark ToMark() => new(HostId, CampaignId, UnixMs.ToTime(AcceptedThrough), UnixMs.ToTime(SeenAt));
    }
}
