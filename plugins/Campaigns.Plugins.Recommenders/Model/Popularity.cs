namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>
/// Items ranked by distinct customers (then events, then id, so every store gives the same order): the tie-breaker of
/// every personal ranking and the back-fill when a customer has too few personal items.
/// </summary>
internal sealed class Popularity
{
    /// <summary>Ranks the items of <paramref name="log"/>; <paramref name="customerItems"/> is its customer × item matrix.</summary>
    public Popularity(EventLog log, SparseMatrix customerItems)
    {
        var customers = new int[log.Items.Count];
        var events = new int[log.Items.Count];
        foreach (var i in customerItems.Indexes) customers[i]++;
        for (var e = 0; e < log.Count; e++) events[log.Item[e]]++;
        Customers = customers;
        Ranked = [.. Enumerable.Range(0, log.Items.Count)
            .OrderByDescending(i => customers[i]).ThenByDescending(i => events[i]).ThenBy(i => log.Items[i], StringComparer.Ordinal)];
        RankOf = new int[Ranked.Length];
        for (var r = 0; r < Ranked.Length; r++) RankOf[Ranked[r]] = r;
    }

    private Popularity(int[] customers, int[] ranked)
    {
        Customers = customers;
        Ranked = ranked;
        RankOf = new int[Ranked.Length];
        for (var r = 0; r < Ranked.Length; r++) RankOf[Ranked[r]] = r;
    }

    /// <summary>A ranking read back from a stored model (<see cref="Customers"/> and <see cref="Ranked"/>).</summary>
    public static Popularity Restore(int[] customers, int[] ranked) => new(customers, ranked);

    /// <summary>Distinct customers per item index.</summary>
    public int[] Customers { get; }

    /// <summary>Item indexes, most popular first.</summary>
    public int[] Ranked { get; }

    /// <summary>Position of each item index in <see cref="Ranked"/> (0 is the most popular).</summary>
    public int[] RankOf { get; }
}
