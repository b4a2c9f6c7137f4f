using Campaigns.Data.Access;
using Campaigns.Storage;
using Campaigns.Tracking;
using Dapper;

namespace Campaigns.Data.Attribution;

/// <summary>
/// Credits purchases to messages over either database: reads the period's purchases, then for those customers their
/// clicks and their sent messages within the windows, decides in memory (latest click, else latest send), and inserts
/// with the purchase as key so a purchase is never credited twice.
/// </summary>
internal sealed class AttributionStore(ISqlDatabase database) : IAttributionStore
{
    private const int CustomersPerRound = 1_000;

    public async Task<int> AttributeAsync(DateTimeOffset from, DateTimeOffset to, AttributionWindows windows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(windows);
        await using var connection = await database.OpenAsync(cancellationToken);
        var purchases = (await connection.QueryAsync<PurchaseRow>(new CommandDefinition(
            "SELECT event_id AS EventId, customer_id AS CustomerId, item_id AS ItemId, occurred_at AS At, quantity AS Quantity, value AS Value " +
            "FROM events WHERE type = 'purchase' AND occurred_at >= @from AND occurred_at < @to",
            new { from = UnixMs.From(from), to = UnixMs.From(to) }, cancellationToken: cancellationToken))).ToList();
        var credited = 0;
        foreach (var round in purchases.GroupBy(p => p.CustomerId).Chunk(CustomersPerRound))
        {
            var ids = round.Select(g => g.Key).ToArray();
            var touches = await TouchesAsync(connection, ids, from - Max(windows), to, cancellationToken);
            var conversions = round.SelectMany(g => g).Select(p => Credit(p, touches, windows)).OfType<Conversion>().ToList();
            credited += await InsertAsync(conversions, cancellationToken);
        }
        return credited;
    }

    public async Task<IReadOnlyList<Conversion>> ListAsync(string campaignId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConversionRow>(new CommandDefinition(
            "SELECT purchase_event_id AS PurchaseEventId, delivery_key AS DeliveryKey, campaign_id AS CampaignId, customer_id AS CustomerId, " +
            "item_id AS ItemId, via AS Via, recommended AS Recommended, revenue AS Revenue, purchased_at AS PurchasedAt " +
            "FROM attributions WHERE campaign_id = @campaignId ORDER BY purchased_at, purchase_event_id", new { campaignId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Conversion(r.PurchaseEventId, r.DeliveryKey, r.CampaignId, r.CustomerId, r.ItemId, r.Via, r.Recommended, r.Revenue, UnixMs.ToTime(r.PurchasedAt)))];
    }

    private static Conversion? Credit(PurchaseRow purchase, Touches touches, AttributionWindows windows)
    {
        var at = UnixMs.ToTime(purchase.At);
        var click = touches.Clicks[purchase.CustomerId].Where(c => c.At <= purchase.At && UnixMs.ToTime(c.At) > at - windows.Click)
            .MaxBy(c => (c.At, c.Key));
        var (message, via) = click is not null && touches.ByKey.TryGetValue(click.Key, out var clicked)
            ? (clicked, "click")
            : (touches.Sent[purchase.CustomerId].Where(m => m.SentAt is { } sent && sent <= purchase.At && UnixMs.ToTime(sent) > at - windows.View)
                .MaxBy(m => (m.SentAt, m.Key)), "view");
        if (message is null) return null;
        var recommended = JsonColumn.ReadList(message.ItemIds).Contains(purchase.ItemId, StringComparer.Ordinal);
        return new Conversion(purchase.EventId, message.Key, message.CampaignId, purchase.CustomerId, purchase.ItemId, via, recommended,
            (decimal)purchase.Quantity * purchase.Value, at);
    }

    private async Task<Touches> TouchesAsync(System.Data.Common.DbConnection connection, string[] customers, DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        var window = new { ids = customers, since = UnixMs.From(since), until = UnixMs.From(until) };
        var clicks = (await connection.QueryAsync<(string EventId, string CustomerId, long At)>(new CommandDefinition(
            $"SELECT event_id, customer_id, occurred_at FROM events WHERE type = 'click' AND {database.InList("customer_id", "@ids")} AND occurred_at >= @since AND occurred_at < @until",
            window, cancellationToken: ct)))
            .Select(c => (Key: TrackingEvents.KeyOfClick(c.EventId), c.CustomerId, c.At)).Where(c => c.Key is not null)
            .Select(c => new Click(c.Key!, c.CustomerId, c.At)).ToLookup(c => c.CustomerId, StringComparer.Ordinal);
        // The messages sent in the window, plus any clicked message sent before it (a click can come days after the send).
        var messages = (await connection.QueryAsync<MessageRow>(new CommandDefinition(
            $"SELECT key AS Key, campaign_id AS CampaignId, customer_id AS CustomerId, sent_at AS SentAt, item_ids AS ItemIds FROM deliveries " +
            $"WHERE state = 'sent' AND {database.InList("customer_id", "@ids")} AND ((sent_at >= @since AND sent_at < @until) OR {database.InList("key", "@clicked")})",
            new { window.ids, window.since, window.until, clicked = clicks.SelectMany(c => c).Select(c => c.Key).Distinct().ToArray() }, cancellationToken: ct)))
            .ToList();
        return new Touches(clicks, messages.ToDictionary(m => m.Key, StringComparer.Ordinal), messages.ToLookup(m => m.CustomerId, StringComparer.Ordinal));
    }

    private async Task<int> InsertAsync(List<Conversion> conversions, CancellationToken ct)
    {
        if (conversions.Count == 0) return 0;
        await using var write = await database.BeginWriteAsync(ct);
        var inserted = await write.Connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO attributions (purchase_event_id, delivery_key, campaign_id, customer_id, item_id, via, recommended, revenue, purchased_at)
            VALUES (@PurchaseEventId, @DeliveryKey, @CampaignId, @CustomerId, @ItemId, @Via, @Recommended, @Revenue, @At)
            ON CONFLICT (purchase_event_id) DO NOTHING
            """, conversions.Select(c => new { c.PurchaseEventId, c.DeliveryKey, c.CampaignId, c.CustomerId, c.ItemId, c.Via, c.Recommended, c.Revenue, At = UnixMs.From(c.PurchasedAt) }).ToList(),
            write.Transaction, cancellationToken: ct));
        await write.CommitAsync(ct);
        return inserted;
    }

    private static TimeSpan Max(AttributionWindows w) => w.Click > w.View ? w.Click : w.View;

    /// <summary>A round's clicks and sent messages, by customer (so each purchase looks only at its own customer's) and messages by key.</summary>
    private sealed record Touches(ILookup<string, Click> Clicks, Dictionary<string, MessageRow> ByKey, ILookup<string, MessageRow> Sent);

    private sealed record Click(string Key, string CustomerId, long At);

    private sealed class PurchaseRow
    {
        public string EventId { get; set; } = "";
        public string CustomerId { get; set; } = "";
        public string ItemId { get; set; } = "";
        public long At { get; set; }
        public double Quantity { get; set; }
        public decimal Value { get; set; }
    }

    private sealed class MessageRow
    {
        public string Key { get; set; } = "";
        public string CampaignId { get; set; } = "";
        public string CustomerId { get; set; } = "";
        public long? SentAt { get; set; }
        public string? ItemIds { get; set; }
    }

    private sealed class ConversionRow
    {
        public string PurchaseEventId { get; set; } = "";
        public string DeliveryKey { get; set; } = "";
        public string CampaignId { get; set; } = "";
        public string CustomerId { get; set; } = "";
        public string ItemId { get; set; } = "";
        public string Via { get; set; } = "";
        public bool Recommended { get; set; }
        public decimal Revenue { get; set; }
        public long PurchasedAt { get; set; }
    }
}
