using Campaigns.Data.Access;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Readers;

/// <summary>Customers' purchases over the (customer_id, occurred_at) index, one query per batch of customers.</summary>
internal sealed class CustomerHistory(ISqlDatabase database) : ICustomerHistory
{
    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> PurchasedSinceAsync(
        IReadOnlyCollection<string> customerIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (customerIds.Count == 0) return result;
        var sql = $"""
            SELECT DISTINCT customer_id AS CustomerId, item_id AS ItemId
            FROM events
            WHERE {database.InList("customer_id", "@customers")} AND occurred_at >= @since AND type = @type AND item_id <> ''
            """;
        var parameters = new DynamicParameters();
        parameters.Add("customers", customerIds.Distinct(StringComparer.Ordinal).ToArray());
        parameters.Add("since", UnixMs.From(since));
        parameters.Add("type", InteractionTypes.Purchase);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PurchaseRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        foreach (var group in rows.GroupBy(r => r.CustomerId, StringComparer.Ordinal))
            result[group.Key] = group.Select(r => r.ItemId).ToHashSet(StringComparer.Ordinal);
        return result;
    }

    private sealed class PurchaseRow
    {
        public string CustomerId { get; set; } = "";
        public string ItemId { get; set; } = "";
    }
}
