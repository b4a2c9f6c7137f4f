using Campaigns.Data.Access;
using Campaigns.Data.Readers;
using Campaigns.Storage;
using Dapper;

namespace Campaigns.Data.Profiles;

/// <summary>A batch of customers' events (over the customer index) and sent messages, in two queries per 500 customers.</summary>
internal sealed class ProfileSource(ISqlDatabase database) : IProfileSource
{
    public async Task<IReadOnlyList<ProfileInput>> ReadAsync(IReadOnlyList<Customer> customers, CancellationToken cancellationToken)
    {
        var events = new Dictionary<string, List<StoredEvent>>(StringComparer.Ordinal);
        var sent = new Dictionary<string, List<SentMessage>>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var chunk in customers.Select(c => c.Id).Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
                $"SELECT {EventRow.Columns} FROM events WHERE {database.InList("customer_id", "@ids")} ORDER BY customer_id, occurred_at, event_id",
                new { ids = chunk }, cancellationToken: cancellationToken));
            foreach (var row in rows)
                Add(events, row.CustomerId, new StoredEvent(row.EventId, row.ToInteraction()));
            var messages = await connection.QueryAsync<(string Key, string CustomerId, string? Kind)>(new CommandDefinition(
                $"SELECT key, customer_id, channel_kind FROM deliveries WHERE state = 'sent' AND {database.InList("customer_id", "@ids")}",
                new { ids = chunk }, cancellationToken: cancellationToken));
            foreach (var (key, customerId, kind) in messages)
                Add(sent, customerId, new SentMessage(key, kind ?? "unknown"));
        }
        return [.. customers.Select(c => new ProfileInput(c, events.GetValueOrDefault(c.Id) ?? [], sent.GetValueOrDefault(c.Id) ?? []))];
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}
