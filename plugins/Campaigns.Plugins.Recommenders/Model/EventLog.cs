using Campaigns.Data;

namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>
/// The matching events of one read, as parallel arrays of dense customer and item indexes (structure of arrays), in
/// the time order the reader streams them. Every model is built from one pass over the store through this class.
/// </summary>
internal sealed class EventLog
{
    private const int BatchSize = 10_000;

    private EventLog(IdMap customers, IdMap items) => (Customers, Items) = (customers, items);

    /// <summary>Customer ids by index.</summary>
    public IdMap Customers { get; }

    /// <summary>Item ids by index.</summary>
    public IdMap Items { get; }

    /// <summary>How many events were kept.</summary>
    public int Count { get; private set; }

    /// <summary>Customer index of each event.</summary>
    public int[] Customer { get; private set; } = [];

    /// <summary>Item index of each event.</summary>
    public int[] Item { get; private set; } = [];

    /// <summary>UTC ticks of each event.</summary>
    public long[] Ticks { get; private set; } = [];

    /// <summary>The rating each event stands for, as chosen by the caller (quantity, value, 1...).</summary>
    public double[] Weight { get; private set; } = [];

    /// <summary>UTC ticks of the latest event; 0 when empty.</summary>
    public long LatestTicks { get; private set; }

    /// <summary>Streams the events of <paramref name="query"/> once; events with no item are skipped.</summary>
    public static async Task<EventLog> ReadAsync(IInteractionReader reader, InteractionQuery query, Func<Interaction, double> weight, CancellationToken cancellationToken)
    {
        var log = new EventLog(new IdMap(), new IdMap());
        await foreach (var batch in reader.ReadAsync(query, BatchSize, cancellationToken))
        {
            log.Reserve(log.Count + batch.Count);
            foreach (var e in batch)
            {
                if (e.ItemId.Length == 0) continue;
                var n = log.Count++;
                log.Customer[n] = log.Customers.GetOrAdd(e.CustomerId);
                log.Item[n] = log.Items.GetOrAdd(e.ItemId);
                log.Ticks[n] = e.OccurredAt.UtcTicks;
                log.Weight[n] = weight(e);
                // The contract says time order, but a max costs nothing and does not rely on it.
                log.LatestTicks = Math.Max(log.LatestTicks, log.Ticks[n]);
            }
        }
        return log;
    }

    private void Reserve(int size)
    {
        if (size <= Customer.Length) return;
        var capacity = Math.Max(size, Customer.Length * 2);
        Customer = Grow(Customer, capacity);
        Item = Grow(Item, capacity);
        Ticks = Grow(Ticks, capacity);
        Weight = Grow(Weight, capacity);
    }

    private static T[] Grow<T>(T[] array, int capacity)
    {
        Array.Resize(ref array, capacity);
        return array;
    }
}
