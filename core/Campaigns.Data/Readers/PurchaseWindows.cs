using Campaigns.Data.Access;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Readers;

/// <summary>
/// Purchases per window over the (customer_id, occurred_at) index: one query for the batch's customers between its
/// earliest start and latest end, then each window sums its own customer's purchases in memory.
/// </summary>
internal sealed class PurchaseWindows(ISqlDatabase database) : IPurchaseWindows
{
    public async Task<IReadOnlyList<PurchaseTotal>> TotalsAsync(IReadOnlyList<PurchaseWindow> windows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Count == 0) return [];
        var parameters = new DynamicParameters();
        parameters.Add("customers", windows.Select(w => w.CustomerId).Distinct(StringComparer.Ordinal).ToArray());
        parameters.Add("from", UnixMs.From(windows.Min(w => w.From)));
        parameters.Add("to", UnixMs.From(windows.Max(w => w.To)));
        await using var connection = await database.OpenAsync(cancellationToken);
        var purchases = (await connection.QueryAsync<PurchaseRow>(new CommandDefinition(
            "SELECT customer_id AS CustomerId, occurred_at AS At, quantity AS Quantity, value AS Value FROM events " +
            $"WHERE type = 'purchase' AND {database.InList("customer_id", "@customers")} AND occurred_at >= @from AND occurred_at < @to",
            parameters, cancellationToken: cancellationToken))).ToLookup(p => p.CustomerId, StringComparer.Ordinal);
        return [.. windows.Select(w =>
        {
            var (from, to) = (UnixMs.From(w.From), UnixMs.From(w.To));
            var inside = purchases[w.CustomerId].Where(p => p.At >= from && p.At < to).ToList();
            return new PurchaseTotal(inside.Count, inside.Sum(p => (decimal)p.Quantity * p.Value));
        })];
    }

    private sealed class PurchaseRow
    {
        public string CustomerId { get; set; } = "";
        public long At { get; set; }
        public double Quantity { get; set; }
        public decimal Value { get; set; }
    }
}
