using Campaigns.Data;
using Campaigns.Plugins.Recommenders.Model;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Recommenders;

/// <summary>
/// Recommends what the customer bought before, ranked by their own repurchase pattern. One pass over the purchases
/// in <see cref="PrepareAsync"/> builds each customer's scored items; batches then cost no data access.
/// </summary>
internal sealed class BuyAgainStage(StageContext context, BuyAgainOptions options) : IRecommenderStage
{
    private static readonly double TicksPerDay = TimeSpan.TicksPerDay;
    private Model? _model;

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        var started = context.Time.GetTimestamp();
        var log = await EventLog.ReadAsync(context.Interactions, new InteractionQuery(Types: options.EventTypes), _ => 1, cancellationToken);
        _model = Build(log, context.Time.GetUtcNow().UtcTicks);
        context.Logger.LogInformation("buy-again: {Customers} customers, {Items} items, {Events} events in {Elapsed}",
            log.Customers.Count, log.Items.Count, log.Count, context.Time.GetElapsedTime(started));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> RecommendAsync(IReadOnlyList<Customer> customers, RecommendationRequest request, CancellationToken cancellationToken)
    {
        if (_model is null) await PrepareAsync(cancellationToken);
        var m = _model!;
        var trigger = m.Log.Items.Find(request.TriggerItemId);
        var lists = new IReadOnlyList<Recommendation>[customers.Count];
        for (var n = 0; n < customers.Count; n++)
        {
            var u = m.Log.Customers.Find(customers[n].Id);
            var candidates = u < 0 ? [] : new List<Candidate>(m.Own.AsSpan(m.Offsets[u], m.Offsets[u + 1] - m.Offsets[u]).ToArray());
            lists[n] = ListBuilder.Build(candidates, request.Count, trigger, m.Popularity, m.Log.Items, i => $"bought-before:{m.CountOf(u, i)}x");
        }
        return lists;
    }

    private Model Build(EventLog log, long nowTicks)
    {
        // Per (customer, item) pair: purchases, decayed weight, first and last purchase, distinct purchase occasions.
        var slots = new Dictionary<long, int>();
        var pairs = new List<Pair>();
        var halfLife = options.HalfLifeDays * TicksPerDay;
        for (var e = 0; e < log.Count; e++)
        {
            // Decay relative to the latest event, not now: the ranking is the same, and old data sets do not underflow to 0.
            var weight = Math.Pow(0.5, (log.LatestTicks - log.Ticks[e]) / halfLife);
            var key = ((long)log.Customer[e] << 32) | (uint)log.Item[e];
            if (!slots.TryGetValue(key, out var slot))
            {
                slots.Add(key, pairs.Count);
                pairs.Add(new Pair(log.Customer[e], log.Item[e], 1, weight, log.Ticks[e], log.Ticks[e], 1));
                continue;
            }
            var p = pairs[slot];
            // Lines of one basket, or a re-order the same day, are one occasion: they say nothing about the interval.
            var occasion = log.Ticks[e] - p.Last >= TimeSpan.TicksPerDay ? 1 : 0;
            pairs[slot] = p with { Count = p.Count + 1, Weight = p.Weight + weight, Last = log.Ticks[e], Occasions = p.Occasions + occasion };
        }

        var offsets = new int[log.Customers.Count + 1];
        foreach (var p in pairs) offsets[p.Customer + 1]++;
        for (var u = 0; u < log.Customers.Count; u++) offsets[u + 1] += offsets[u];
        var next = offsets[..^1];
        var own = new Candidate[pairs.Count];
        var counts = new int[pairs.Count];
        foreach (var p in pairs)
        {
            counts[next[p.Customer]] = p.Count;
            own[next[p.Customer]++] = new Candidate(p.Item, p.Weight * Due(p, nowTicks));
        }
        return new Model(log, new Popularity(log), offsets, own, counts);
    }

    // 1 + dueBoost × (elapsed / typical interval, capped at 1); 1 when the item was bought on one occasion only.
    private double Due(Pair p, long nowTicks)
    {
        if (options.DueBoost <= 0 || p.Occasions < 2) return 1;
        var interval = (double)(p.Last - p.First) / (p.Occasions - 1);
        var elapsed = Math.Max(0, nowTicks - p.Last);
        return 1 + options.DueBoost * Math.Min(1, elapsed / interval);
    }

    private readonly record struct Pair(int Customer, int Item, int Count, double Weight, long First, long Last, int Occasions);

    // Own[Offsets[u]..Offsets[u+1]] are customer u's items; Counts is aligned with Own.
    private sealed record Model(EventLog Log, Popularity Popularity, int[] Offsets, Candidate[] Own, int[] Counts)
    {
        // A linear scan of one customer's row: called only for the few items that make the list.
        public int CountOf(int customer, int item)
        {
            for (var k = Offsets[customer]; k < Offsets[customer + 1]; k++)
                if (Own[k].Item == item) return Counts[k];
            return 0;
        }
    }
}
