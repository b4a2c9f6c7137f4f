using Campaigns.Data;

namespace Campaigns.Plugins.Segmentation.ML.Features;

/// <summary>
/// Every customer's features at a few cutoff instants, and whether they bought in the horizon after each, from one
/// streamed pass over the purchases (no per-customer query): memory is one small record per customer per cutoff.
/// </summary>
internal sealed class PurchaseLog
{
    private readonly Dictionary<string, Entry> _customers = new(StringComparer.Ordinal);

    private PurchaseLog(IReadOnlyList<DateTimeOffset> cutoffs, TimeSpan horizon, TopCategories categories)
    {
        Cutoffs = cutoffs;
        Horizon = horizon;
        Categories = categories;
    }

    /// <summary>The cutoffs, in the order given.</summary>
    public IReadOnlyList<DateTimeOffset> Cutoffs { get; }

    /// <summary>How long after a cutoff a purchase counts as "bought".</summary>
    public TimeSpan Horizon { get; }

    /// <summary>The categories of the affinity features.</summary>
    public TopCategories Categories { get; }

    /// <summary>Customers with at least one purchase before the latest cutoff.</summary>
    public int Customers => _customers.Count;

    /// <summary>Reads the purchases before the latest of <paramref name="cutoffs"/> once.</summary>
    public static async Task<PurchaseLog> LoadAsync(IInteractionReader interactions, TopCategories categories, IReadOnlyList<DateTimeOffset> cutoffs,
        TimeSpan horizon, CancellationToken cancellationToken)
    {
        var end = cutoffs.Max();
        var log = new PurchaseLog(cutoffs, horizon, categories);
        await foreach (var batch in interactions.ReadAsync(new InteractionQuery(Until: end, Types: ReferenceTime.Purchases), 10_000, cancellationToken))
        {
            foreach (var purchase in batch) log.Add(purchase);
        }
        return log;
    }

    /// <summary>
    /// The customers with a purchase before cutoff number <paramref name="cutoff"/>, ordered by id, with their features
    /// then and whether they bought in the horizon after it.
    /// </summary>
    public IEnumerable<(string CustomerId, CustomerFeatures Features, bool Bought)> At(int cutoff) =>
        _customers.Where(c => c.Value.Before[cutoff].Any).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => (c.Key, c.Value.Before[cutoff], c.Value.BoughtAfter[cutoff]));

    private void Add(Interaction purchase)
    {
        if (!_customers.TryGetValue(purchase.CustomerId, out var entry))
            _customers[purchase.CustomerId] = entry = new Entry(Cutoffs.Count);
        var category = Categories.Of(purchase.ItemId);
        for (var i = 0; i < Cutoffs.Count; i++)
        {
            if (purchase.OccurredAt < Cutoffs[i]) entry.Before[i].Add(purchase, category);
            else if (purchase.OccurredAt < Cutoffs[i] + Horizon) entry.BoughtAfter[i] = true;
        }
    }

    private sealed class Entry
    {
        public Entry(int cutoffs)
        {
            Before = new CustomerFeatures[cutoffs];
            for (var i = 0; i < cutoffs; i++) Before[i] = new CustomerFeatures();
            BoughtAfter = new bool[cutoffs];
        }

        public CustomerFeatures[] Before { get; }
        public bool[] BoughtAfter { get; }
    }
}
