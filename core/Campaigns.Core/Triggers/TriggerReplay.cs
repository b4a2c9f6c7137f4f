using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Events;
using Campaigns.Storage;
using Microsoft.Extensions.Logging;

namespace Campaigns.Triggers;

/// <summary>
/// Plans again what one campaign may have lost since a mark: re-matches the events whose write was accepted (and the
/// catalog changes made) from <see cref="Overlap"/> before the mark, leaves out the moments whose ledger row exists (one
/// key look-up per chunk, so nothing planned is rendered again), and plans the rest exactly as the worker does, cancel
/// events included. Occurrence ids are deterministic and the ledger key unique, so a moment planned twice has one row.
/// </summary>
public sealed class TriggerReplay(ITriggerWatermarks store, TriggerProcessor processor, ILogger<TriggerReplay> logger)
{
    /// <summary>
    /// How far before a mark writes are re-read: a mark is a time after a commit, an event's accept time is taken when
    /// its transaction starts, and concurrent writes reach the queue out of order; all of that is well under a second.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    private const int Chunk = 1_000;

    /// <summary>Replays <paramref name="campaign"/> from <paramref name="mark"/>; every row is committed when this returns.</summary>
    public async Task<TriggerResult> ReplayAsync(CompiledCampaign campaign, DateTimeOffset mark, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var trigger = campaign.Definition.Trigger!;
        // A moment due more than maxLateHours ago is ignored by the planner: reading it would be wasted work.
        var window = now - trigger.Delay - TimeSpan.FromHours(trigger.MaxLateHours);
        var since = mark - Overlap;
        var moment = TriggerMatcher.MomentType(trigger.On);
        var types = (moment is null ? trigger.CancelOn : trigger.CancelOn.Append(moment)).Distinct(StringComparer.Ordinal).ToList();
        var tally = new Tally();
        if (types.Count > 0)
            await foreach (var events in store.AcceptedEventsAsync(since, window, types, Chunk, cancellationToken))
                await PlanLostAsync(campaign, TriggerMatcher.Match(new AcceptedBatch(events, [], [], now), [campaign]), tally, cancellationToken);
        if (trigger.On is TriggerKinds.BackInStock or TriggerKinds.PriceDrop)
        {
            var changes = await store.CatalogChangesAsync(since > window ? since : window, cancellationToken);
            foreach (var chunk in changes.Chunk(Chunk))
                await PlanLostAsync(campaign, TriggerMatcher.Match(new AcceptedBatch([], [], chunk, now), [campaign]), tally, cancellationToken);
        }
        if (tally.Replayed + tally.Skipped > 0)
            logger.LogInformation("Trigger replay of {Campaign} from {Since:O}: {Replayed} moments re-planned, {Skipped} already in the ledger; {Result}",
                campaign.Id, since, tally.Replayed, tally.Skipped, tally.Result);
        return tally.Result;
    }

    private async Task PlanLostAsync(CompiledCampaign campaign, IReadOnlyList<TriggerWork> matched, Tally tally, CancellationToken ct)
    {
        // Catalog moments become one moment per customer first: the ledger key is per customer.
        var work = await processor.ExpandAsync(matched, ct);
        // The same cart stored twice (a client retry with a new event id) is two equal moments: keys, not a dictionary of them.
        string KeyOf(TriggerWork w) => LedgerEntry.KeyOf(campaign.Id, w.Occurrence, w.CustomerId!, "main");
        var existing = await store.ExistingKeysAsync([.. work.Where(w => w.Kind == TriggerWorkKind.Moment).Select(KeyOf)], ct);
        var lost = work.Where(w => w.Kind == TriggerWorkKind.Cancel || !existing.Contains(KeyOf(w))).ToList();
        tally.Skipped += work.Count - lost.Count;
        tally.Replayed += lost.Count(w => w.Kind == TriggerWorkKind.Moment);
        if (lost.Count > 0) tally.Result = tally.Result.Add(await processor.ProcessAsync(lost, ct));
    }

    private sealed class Tally
    {
        public int Replayed { get; set; }
        public int Skipped { get; set; }
        public TriggerResult Result { get; set; } = TriggerResult.Empty;
    }
}
