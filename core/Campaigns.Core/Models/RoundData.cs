using Campaigns.Data;
using Campaigns.Evaluation;
using Campaigns.Import;

namespace Campaigns.Models;

/// <summary>
/// The store's events of one round's windows, in memory, as the evaluation readers want them: returns left out (no
/// sign of interest or of attention), customers with their time zones, the catalogue.
/// </summary>
internal sealed record RoundData(RoundWindow Window, IReadOnlyList<Interaction> Train, IReadOnlyList<Interaction> Holdout,
    IReadOnlyDictionary<string, Customer> Customers, IReadOnlyList<CatalogItem> Items)
{
    private const int BatchSize = 10_000;

    /// <summary>The newest event's instant, or null when the store has none.</summary>
    public static async Task<DateTimeOffset?> LatestEventAsync(IInteractionReader interactions, CancellationToken ct)
    {
        // The reader has no "latest event" query; the per-customer last times give it in one aggregate pass.
        DateTimeOffset? latest = null;
        await foreach (var batch in interactions.CountByCustomerAsync(new InteractionQuery(), BatchSize, ct))
            foreach (var a in batch) if (latest is null || a.LastAt > latest) latest = a.LastAt;
        return latest;
    }

    public static async Task<RoundData> LoadAsync(RoundWindow window, ICustomerReader customers, ICatalogReader catalog, IInteractionReader interactions, CancellationToken ct)
    {
        List<Interaction> train = [], holdout = [];
        await foreach (var batch in interactions.ReadAsync(new InteractionQuery(window.From, window.Until), BatchSize, ct))
            foreach (var e in batch)
                if (e.Type != InteractionTypes.Return) (e.OccurredAt < window.HoldoutFrom ? train : holdout).Add(e);
        var known = new Dictionary<string, Customer>(StringComparer.Ordinal);
        await foreach (var batch in customers.ReadAllAsync(BatchSize, ct))
            foreach (var c in batch) known[c.Id] = c;
        var items = new List<CatalogItem>();
        await foreach (var batch in catalog.ReadAllAsync(BatchSize, ct)) items.AddRange(batch);
        return new RoundData(window, train, holdout, known, items);
    }

    /// <summary>Readers over the training window only, for the stages to train and score on.</summary>
    public TrainingData Readers(bool itemsOnly) => new(itemsOnly ? [.. Train.Where(e => e.ItemId.Length > 0)] : Train, Items, Customers);

    /// <summary>The events as the send-time evaluation reads a file.</summary>
    public Evaluation.Timing.TimingData Timing() => new(Customers, Items, [.. Train, .. Holdout],
        new ImportResult(default, 0, Train.Count + Holdout.Count, 0, Customers.Count, Items.Count, 0, 0, 0, [], TimeSpan.Zero));
}
