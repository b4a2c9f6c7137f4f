using Campaigns.Data.Access;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Triggers;

/// <summary>Trigger cancels and look-ups over the partial triggered-rows index of <c>deliveries</c> and the events indexes.</summary>
internal sealed class TriggerStore(ISqlDatabase database, TimeProvider time) : ITriggerStore
{
    private const string Cancel = """
        UPDATE deliveries SET state = 'suppressed', reason = @Reason, updated_at = @Now
        WHERE customer_id = @CustomerId AND campaign_id = @CampaignId AND state = 'planned'
          AND triggered_at IS NOT NULL AND triggered_at <= @At
        """;

    public async Task<int> CancelAsync(IReadOnlyList<TriggerCancel> cancels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cancels);
        if (cancels.Count == 0) return 0;
        var now = UnixMs.From(time.GetUtcNow());
        await using var write = await database.BeginWriteAsync(cancellationToken);
        var cancelled = 0;
        // Two statements rather than "@ItemId IS NULL OR ...": PostgreSQL cannot type a bare NULL parameter.
        var anyItem = cancels.Where(c => c.ItemId is null).Select(c => new { c.Reason, Now = now, c.CustomerId, c.CampaignId, At = UnixMs.From(c.At) }).ToList();
        var sameItem = cancels.Where(c => c.ItemId is not null).Select(c => new { c.Reason, Now = now, c.CustomerId, c.CampaignId, At = UnixMs.From(c.At), c.ItemId }).ToList();
        if (anyItem.Count > 0)
            cancelled += await write.Connection.ExecuteAsync(new CommandDefinition(Cancel, anyItem, write.Transaction, cancellationToken: cancellationToken));
        if (sameItem.Count > 0)
            cancelled += await write.Connection.ExecuteAsync(new CommandDefinition(Cancel + " AND trigger_item_id = @ItemId", sameItem, write.Transaction, cancellationToken: cancellationToken));
        await write.CommitAsync(cancellationToken);
        return cancelled;
    }

    public async Task<IReadOnlyList<TriggeredContact>> RecentAsync(string campaignId, IReadOnlyCollection<string> customerIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        if (customerIds.Count == 0) return [];
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string CustomerId, string Occurrence, long SendAt)>(new CommandDefinition($"""
            SELECT customer_id, occurrence, send_at FROM deliveries
            WHERE {database.InList("customer_id", "@customers")} AND campaign_id = @campaignId AND state IN ('planned', 'sending', 'sent')
              AND triggered_at IS NOT NULL AND send_at >= @since
            """, new { customers = customerIds.Distinct(StringComparer.Ordinal).ToArray(), campaignId, since = UnixMs.From(since) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new TriggeredContact(r.CustomerId, r.Occurrence, UnixMs.ToTime(r.SendAt)))];
    }

    public async Task<IReadOnlyList<Interaction>> EventsOfAsync(IReadOnlyCollection<string> customerIds, IReadOnlyList<string> types, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(types);
        if (customerIds.Count == 0 || types.Count == 0) return [];
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string CustomerId, string ItemId, string Type, long OccurredAt)>(new CommandDefinition($"""
            SELECT customer_id, item_id, type, occurred_at FROM events
            WHERE {database.InList("customer_id", "@customers")} AND occurred_at >= @since AND {database.InList("type", "@types")}
            """, new { customers = customerIds.Distinct(StringComparer.Ordinal).ToArray(), types = types.ToArray(), since = UnixMs.From(since) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Interaction(r.CustomerId, r.ItemId, r.Type, UnixMs.ToTime(r.OccurredAt)))];
    }

    public async Task<IReadOnlyList<string>> EngagedWithAsync(string itemId, IReadOnlyList<string> types, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(types);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition($"""
            SELECT DISTINCT customer_id FROM events
            WHERE item_id = @itemId AND occurred_at >= @since AND {database.InList("type", "@types")}
            ORDER BY customer_id
            """, new { itemId, types = types.ToArray(), since = UnixMs.From(since) }, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
