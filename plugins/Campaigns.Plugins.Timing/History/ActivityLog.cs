using Campaigns.Data;
using Campaigns.Plugins.Timing.Slots;
using Campaigns.Stages;

namespace Campaigns.Plugins.Timing.History;

/// <summary>
/// Every customer's activity over a window, read once per run from <see cref="StageContext.Interactions"/>, in each
/// customer's local time. Events of one customer at the same instant are one moment (an order of 30 lines is one
/// purchase, not 30), counted with the weight of its heaviest type.
/// </summary>
internal sealed class ActivityLog
{
    private static readonly LocalEvent[] None = [];
    private readonly Dictionary<string, LocalEvent[]> _byCustomer;

    private ActivityLog(Dictionary<string, LocalEvent[]> byCustomer) => _byCustomer = byCustomer;

    /// <summary>Customers with at least one moment.</summary>
    public int Customers => _byCustomer.Count;

    /// <summary>The customer's moments in time order; empty when none.</summary>
    public IReadOnlyList<LocalEvent> For(string customerId) => _byCustomer.GetValueOrDefault(customerId) ?? None;

    /// <summary>Every customer's moments, in customer id order (so fits are deterministic).</summary>
    public IEnumerable<(string CustomerId, LocalEvent[] Events)> All() =>
        _byCustomer.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value));

    /// <summary>Reads the events of the given types (weight &gt; 0) in [since, until) and the customers' zones.</summary>
    public static async Task<ActivityLog> LoadAsync(StageContext context, Zones zones, DateTimeOffset since, DateTimeOffset until,
        IReadOnlyDictionary<string, double> weights, CancellationToken cancellationToken)
    {
        var zoneOf = new Dictionary<string, ResolvedZone>(StringComparer.Ordinal);
        await foreach (var batch in context.Customers.ReadAllAsync(10_000, cancellationToken))
            foreach (var customer in batch) zoneOf[customer.Id] = zones.Resolve(customer.TimeZone);

        var types = weights.Where(w => w.Value > 0).Select(w => w.Key).ToList();
        var moments = new Dictionary<string, Dictionary<DateTimeOffset, (string Type, double Weight)>>(StringComparer.Ordinal);
        if (types.Count > 0)
        {
            await foreach (var batch in context.Interactions.ReadAsync(new InteractionQuery(since, until, types), 10_000, cancellationToken))
            {
                foreach (var e in batch)
                {
                    if (!moments.TryGetValue(e.CustomerId, out var byInstant)) moments[e.CustomerId] = byInstant = [];
                    var weight = weights[e.Type];
                    if (!byInstant.TryGetValue(e.OccurredAt, out var seen) || weight > seen.Weight) byInstant[e.OccurredAt] = (e.Type, weight);
                }
            }
        }

        var utc = zones.Resolve("UTC");
        var byCustomer = new Dictionary<string, LocalEvent[]>(moments.Count, StringComparer.Ordinal);
        foreach (var (customerId, byInstant) in moments)
        {
            var zone = zoneOf.GetValueOrDefault(customerId) ?? utc;
            byCustomer[customerId] = [.. byInstant.OrderBy(m => m.Key).Select(m => new LocalEvent(m.Key, zone.Local(m.Key), m.Value.Type, m.Value.Weight))];
        }
        return new ActivityLog(byCustomer);
    }

    /// <summary>Weighted moments per local hour of day over everyone: the population's daily rhythm.</summary>
    public double[] HourTotals()
    {
        var totals = new double[24];
        foreach (var events in _byCustomer.Values)
            foreach (var e in events) totals[e.Local.Hour] += e.Weight;
        return totals;
    }
}
