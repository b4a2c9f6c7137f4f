using System.Data.Common;
using Campaigns.Data.Access;
using Campaigns.Storage;
using Campaigns.Tracking;
using Dapper;

namespace Campaigns.Data.Decisions;

/// <summary>What followed a batch of decisions: ledger state, first open, any click, attributed purchases; read in four queries.</summary>
internal sealed class DecisionOutcomes
{
    private readonly Dictionary<string, string> states = new(StringComparer.Ordinal);
    private readonly HashSet<string> opened = new(StringComparer.Ordinal);
    private readonly HashSet<string> clicked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Count, decimal Revenue)> conversions = new(StringComparer.Ordinal);

    public LoggedOutcome For(LoggedDecision d) =>
        new(d, states.GetValueOrDefault(d.DeliveryKey), opened.Contains(d.DeliveryKey), clicked.Contains(d.DeliveryKey),
            conversions.GetValueOrDefault(d.DeliveryKey).Count, conversions.GetValueOrDefault(d.DeliveryKey).Revenue);

    public static async Task<DecisionOutcomes> ReadAsync(ISqlDatabase database, DbConnection connection, IReadOnlyList<DecisionRow> rows, CancellationToken ct)
    {
        var result = new DecisionOutcomes();
        var keys = rows.Select(r => r.DeliveryKey).Distinct(StringComparer.Ordinal).ToArray();
        var customers = rows.Select(r => r.CustomerId).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var (key, state) in await connection.QueryAsync<(string, string)>(new CommandDefinition(
            $"SELECT key, state FROM deliveries WHERE {database.InList("key", "@keys")}", new { keys }, cancellationToken: ct)))
            result.states[key] = state;
        foreach (var id in await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT event_id FROM events WHERE type = 'open' AND {database.InList("event_id", "@ids")}",
            new { ids = keys.Select(TrackingEvents.OpenId).ToArray() }, cancellationToken: ct)))
            result.opened.Add(id["open:".Length..]);
        // Click ids carry the key at their end; a customer's clicks are few, so read them by customer and keep ours.
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        foreach (var id in await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT event_id FROM events WHERE type = 'click' AND {database.InList("customer_id", "@customers")}", new { customers }, cancellationToken: ct)))
        {
            if (TrackingEvents.KeyOfClick(id) is { } key && wanted.Contains(key)) result.clicked.Add(key);
        }
        foreach (var (key, count, revenue) in await connection.QueryAsync<(string, long, decimal)>(new CommandDefinition(
            $"SELECT delivery_key, COUNT(*), SUM(revenue) FROM attributions WHERE {database.InList("delivery_key", "@keys")} GROUP BY delivery_key",
            new { keys }, cancellationToken: ct)))
            result.conversions[key] = ((int)count, revenue);
        return result;
    }
}
