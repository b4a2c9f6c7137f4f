using System.Runtime.CompilerServices;
using Campaigns.Data.Access;
using Dapper;

namespace Campaigns.Data.Readers;

/// <summary>Reads and aggregates events in the database, so callers never stream millions of rows to count them.</summary>
internal sealed class InteractionReader(ISqlDatabase database) : IInteractionReader
{
    public async IAsyncEnumerable<IReadOnlyList<Interaction>> ReadAsync(
        InteractionQuery query, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        EventRow? last = null;
        while (true)
        {
            var filter = new EventFilter(database, query);
            if (last is not null)
                filter.Add("(occurred_at, event_id) > (@lastAt, @lastId)", "lastAt", last.OccurredAt).Parameters.Add("lastId", last.EventId);
            filter.Parameters.Add("size", batchSize);
            var sql = $"SELECT {EventRow.Columns} FROM events {filter.Where} ORDER BY occurred_at, event_id LIMIT @size";
            var rows = await QueryAsync<EventRow>(sql, filter, cancellationToken);
            if (rows.Count == 0)
                yield break;
            yield return rows.ConvertAll(r => r.ToInteraction());
            if (rows.Count < batchSize)
                yield break;
            last = rows[^1];
        }
    }

    public async Task<IReadOnlyList<ItemActivity>> CountByItemAsync(InteractionQuery query, int top, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        // Events with no item (opens, session starts) are no item's activity.
        var filter = new EventFilter(database, query).Add("item_id <> ''");
        filter.Parameters.Add("top", top);
        var sql = $"""
            SELECT item_id AS ItemId, COUNT(*) AS Events, COUNT(DISTINCT customer_id) AS Customers, SUM(quantity) AS Quantity
            FROM events {filter.Where}
            GROUP BY item_id
            ORDER BY COUNT(DISTINCT customer_id) DESC, COUNT(*) DESC, item_id
            LIMIT @top
            """;
        var rows = await QueryAsync<ItemActivityRow>(sql, filter, cancellationToken);
        return rows.ConvertAll(r => r.ToActivity());
    }

    public async IAsyncEnumerable<IReadOnlyList<CustomerActivity>> CountByCustomerAsync(
        InteractionQuery query, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        string? after = null;
        while (true)
        {
            // Keyset over the (customer_id, occurred_at) index: each batch aggregates only the next customers.
            var filter = new EventFilter(database, query);
            if (after is not null)
                filter.Add("customer_id > @after", "after", after);
            filter.Parameters.Add("size", batchSize);
            var sql = $"""
                SELECT customer_id AS CustomerId, COUNT(*) AS Events, MAX(occurred_at) AS LastAt
                FROM events {filter.Where}
                GROUP BY customer_id
                ORDER BY customer_id
                LIMIT @size
                """;
            var rows = await QueryAsync<CustomerActivityRow>(sql, filter, cancellationToken);
            if (rows.Count == 0)
                yield break;
            yield return rows.ConvertAll(r => r.ToActivity());
            if (rows.Count < batchSize)
                yield break;
            after = rows[^1].CustomerId;
        }
    }

    private async Task<List<TRow>> QueryAsync<TRow>(string sql, EventFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TRow>(new CommandDefinition(sql, filter.Parameters, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
