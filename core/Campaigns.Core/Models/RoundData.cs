using Campaigns.Data;
using Campaigns.Evaluation;
using Campaigns.Import;

namespace Campaigns.Models;

/// <summary>
/// The store's events up to the end of one round's hold-out, in memory, as the evaluation readers want them: returns
/// left out (no sign of interest or of attention), customers with their time zones, the catalogue.
/// </summary>
/// <remarks>
/// Who is measured and what they had before comes from the whole <see cref="History"/>, not from the candidate's
/// window: every round on the same data measures on the same customers, so a tiny window cannot pick an easy audience.
/// </remarks>
internal sealed record RoundData(RoundWindow Window, IReadOnlyList<Interaction> History, IReadOnlyList<Interaction> Holdout,
    IReadOnlyDictionary<string, Customer> Customers, IReadOnlyList<CatalogItem> Items)
{
    /// <summary>The events of the training window: what the candidate learns from.</summary>
    public IReadOnlyList<Interaction> Train { get; } = [.. History.Where(e => e.OccurredAt >= Window.From)];

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
        List<Interaction> history = [], holdout = [];
        await foreach (var batch in interactions.ReadAsync(new InteractionQuery(Until: window.Until), BatchSize, ct))
            foreach (var e in batch)
                if (e.Type != InteractionTypes.Return) (e.OccurredAt < window.HoldoutFrom ? history : holdout).Add(e);
        var known = new Dictionary<string, Customer>(StringComparer.Ordinal);
        await foreach (var batch in customers.ReadAllAsync(BatchSize, ct))
            foreach (var c in batch) known[c.Id] = c;
        var items = new List<CatalogItem>();
        await foreach (var batch in catalog.ReadAllAsync(BatchSize, ct)) items.AddRange(batch);
        return new RoundData(window, history, holdout, known, items);
    }

    /// <summary>Readers over the training window only (<paramref name="window"/>: what a candidate learns from) or over the whole history before the hold-out (what a stage with a loaded model reads at plan time).</summary>
    public TrainingData Readers(bool window, bool itemsOnly)
    {
        var events = window ? Train : History;
        return new(itemsOnly ? [.. events.Where(e => e.ItemId.Length > 0)] : events, Items, Customers);
    }

    /// <summary>The events as the send-time evaluation reads a file.</summary>
    public Evaluation.Timing.TimingData Timing() => new(Customers, Items, [.. History, .. Holdout],
        new ImportResult(default, 0, History.Count + Holdout.Count, 0, Customers.Count, Items.Count, 0, 0, 0, [], TimeSpan.Zero));
}
