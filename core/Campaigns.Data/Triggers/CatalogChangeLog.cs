using Campaigns.Data.Access;
using Campaigns.Events;
using Dapper;

namespace Campaigns.Data.Triggers;

/// <summary>
/// Keeps the catalog writes that can start a moment (stock 0 to more, a lower price) in <c>catalog_changes</c>, in the
/// write's own transaction: the trigger sweep replays back-in-stock and price-drop moments from them.
/// </summary>
internal static class CatalogChangeLog
{
    // The same item changed twice in one millisecond is one occurrence either way (the ledger key has the instant).
    private const string Insert = """
        INSERT INTO catalog_changes (item_id, changed_at, price, previous_price, stock, previous_stock)
        VALUES (@ItemId, @ChangedAt, @Price, @PreviousPrice, @Stock, @PreviousStock)
        ON CONFLICT (item_id, changed_at) DO NOTHING
        """;

    public static async Task AddAsync(WriteScope scope, IReadOnlyList<CatalogChange> changes, long changedAt, CancellationToken cancellationToken)
    {
        var rows = changes.Where(c => c.IsMoment).Select(c => new ChangeRow
        {
            ItemId = c.Item.Id, ChangedAt = changedAt, Price = c.Item.Price, PreviousPrice = c.PreviousPrice, Stock = c.Item.Stock, PreviousStock = c.PreviousStock,
        }).ToList();
        if (rows.Count > 0)
            await scope.Connection.ExecuteAsync(new CommandDefinition(Insert, rows, scope.Transaction, cancellationToken: cancellationToken));
    }

    public static IReadOnlyList<CatalogChange> FromRows(IEnumerable<ChangeRow> rows) =>
        [.. rows.Select(r => new CatalogChange(new CatalogItem(r.ItemId, r.ItemId) { Price = r.Price, Stock = r.Stock }, r.PreviousPrice, r.PreviousStock)
        {
            ChangedAt = UnixMs.ToTime(r.ChangedAt),
        })];

    /// <summary>One row of <c>catalog_changes</c>.</summary>
    internal sealed class ChangeRow
    {
        public const string Select = "SELECT item_id AS ItemId, changed_at AS ChangedAt, price AS Price, previous_price AS PreviousPrice, stock AS Stock, previous_stock AS PreviousStock FROM catalog_changes";

        public string ItemId { get; set; } = "";
        public long ChangedAt { get; set; }
        public decimal Price { get; set; }
        public decimal? PreviousPrice { get; set; }
        public int? Stock { get; set; }
        public int? PreviousStock { get; set; }
    }
}
