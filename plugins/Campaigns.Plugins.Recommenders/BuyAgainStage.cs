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
            var candidates = u < 0 ? [] : new List<Candidate>(m.Own.AsSpan(m.Counts.Offsets[u], m.Counts.RowLength(u)).ToArray());
            lists[n] = ListBuilder.Build(candidates, request.Count, trigger, m.Popularity, m.Log.Items, i => $"bought-before:{m.CountOf(u, i)}x");
        }
        return lists;
    }

    private Model Build(EventLog log, long nowTicks)
    {
        var groups = SparseMatrix.GroupPairs(log);
        // Entry k of the matrix is the k-th (customer, item) pair: its value is the number of purchases.
        var counts = SparseMatrix.FromGroups(log, groups, events => events.Length);
        var own = new Candidate[counts.Values.Length];
        var halfLife = options.HalfLifeDays * TicksPerDay;
        for (int start = 0, k = 0; start < groups.Keys.Length; k++)
        {
            var end = SparseMatrix.RunEnd(groups.Keys, start);
            var events = groups.Events.AsSpan(start, end - start);
            // Decay relative to the latest event, not now: the ranking is the same, and old data sets do not underflow to 0.
            double weight = 0;
            var occasions = 0;
            long last = 0;
            foreach (var e in events)
            {
                weight += Math.Pow(0.5, (log.LatestTicks - log.Ticks[e]) / halfLife);
                // Lines of one basket, or a re-order the same day, are one occasion: they say nothing about the interval.
                if (occasions == 0 || log.Ticks[e] - last >= TimeSpan.TicksPerDay) occasions++;
                last = log.Ticks[e];
            }
            own[k] = new Candidate(counts.Indexes[k], options.Score == "count"
                ? events.Length + FirstBoughtBonus(events[0], log.Count)
                : weight * Due(log.Ticks[events[0]], last, occasions, nowTicks));
            start = end;
        }
        return new Model(log, new Popularity(log, counts), counts, own);
    }

    // Under 0.5 and larger for an item bought earlier (event order, events[0] being the pair's first, so lines of one
    // basket keep the file's order): orders equal counts by first purchase and never crosses a count.
    private static double FirstBoughtBonus(int firstEvent, int total) => 0.5 * (total - firstEvent) / (total + 1.0);

    // 1 + dueBoost × (elapsed / typical interval, capped at 1); 1 when the item was bought on one occasion only.
    private double Due(long first, long last, int occasions, long nowTicks)
    {
        if (options.DueBoost <= 0 || occasions < 2) return 1;
        var interval = (double)(last - first) / (occasions - 1);
        var elapsed = Math.Max(0, nowTicks - last);
        return 1 + options.DueBoost * Math.Min(1, elapsed / interval);
    }

    // Own is aligned with Counts' entries: customer u's items are Own[Counts.Offsets[u]..Counts.Offsets[u+1]].
    private sealed record Model(EventLog Log, Popularity Popularity, SparseMatrix Counts, Candidate[] Own)
    {
        // A binary search in one customer's row: called only for the few items that make the list.
        public int CountOf(int customer, int item)
        {
            var at = Counts.RowIndexes(customer).BinarySearch(item);
            return at < 0 ? 0 : (int)Counts.RowValues(customer)[at];
        }
    }
}
