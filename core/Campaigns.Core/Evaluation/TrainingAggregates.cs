using Campaigns.Data;

namespace Campaigns.Evaluation;

/// <summary>
/// The reader aggregates of <see cref="TrainingData"/> computed over int indexes of an <see cref="EventTable"/>, with the
/// semantics (and the order) of the database readers: no dictionary keyed by strings, no object per event.
/// </summary>
internal static class TrainingAggregates
{
    /// <summary>
    /// Items of the matching events (the empty item left out) with events, distinct customers and summed quantity, most
    /// customers first, then most events, then id; the first <paramref name="top"/>.
    /// </summary>
    public static IReadOnlyList<ItemActivity> ByItem(EventTable table, IEnumerable<int> matching, int top)
    {
        var events = new long[table.ItemCount];
        var quantity = new double[table.ItemCount];
        var pairs = new List<long>();
        // Quantities are summed in time order, the order a GROUP BY over the time-ordered events would add them.
        foreach (var n in matching)
        {
            var item = table.ItemOf(n);
            events[item]++;
            quantity[item] += table.QuantityOf(n);
            pairs.Add(((long)item << 32) | (uint)table.CustomerOf(n));
        }
        // Distinct customers per item: sorted (item, customer) keys, one count per run.
        var customers = new long[table.ItemCount];
        var keys = pairs.ToArray();
        Array.Sort(keys);
        for (var k = 0; k < keys.Length; k++)
            if (k == 0 || keys[k] != keys[k - 1]) customers[(int)(keys[k] >> 32)]++;

        var ranked = new List<int>();
        for (var i = 0; i < events.Length; i++)
            if (events[i] > 0 && table.ItemId(i).Length > 0) ranked.Add(i);
        ranked.Sort((a, b) => customers[a] != customers[b] ? customers[b].CompareTo(customers[a])
            : events[a] != events[b] ? events[b].CompareTo(events[a])
            : string.CompareOrdinal(table.ItemId(a), table.ItemId(b)));
        return [.. ranked.Take(Math.Max(0, top)).Select(i => new ItemActivity(table.ItemId(i), events[i], customers[i], quantity[i]))];
    }

    /// <summary>Customers of the matching events with their event count and latest instant, by id (<paramref name="sortedIds"/>: every customer id, ordinal order).</summary>
    public static IEnumerable<CustomerActivity> ByCustomer(EventTable table, IEnumerable<int> matching, string[] sortedIds)
    {
        var counts = new long[table.CustomerCount];
        var latest = new long[table.CustomerCount];
        foreach (var n in matching)
        {
            var c = table.CustomerOf(n);
            counts[c]++;
            latest[c] = Math.Max(latest[c], table.TicksOf(n));
        }
        foreach (var id in sortedIds)
        {
            var c = table.FindCustomer(id);
            if (counts[c] > 0) yield return new CustomerActivity(id, counts[c], new DateTimeOffset(latest[c], TimeSpan.Zero));
        }
    }
}
