using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Events;
using Campaigns.Storage;
using Microsoft.Extensions.Logging;

namespace Campaigns.Triggers;

/// <summary>
/// Recovers trigger work a dead process had queued but not planned: re-matches the stored events of each active trigger
/// campaign from a little before its watermark (<see cref="Overlap"/>), leaves out moments whose ledger row exists, and
/// plans the rest exactly as the worker does. Occurrence ids are deterministic and the ledger key unique, so a moment
/// planned twice still has one row. Catalog moments (back in stock, price drop) are not events and are not replayed.
/// </summary>
public sealed class TriggerCatchUp(ActiveTriggers? active, IInteractionReader interactions, ITriggerWatermarks watermarks, TriggerProcessor processor,
    TimeProvider time, ILogger<TriggerCatchUp> logger)
{
    /// <summary>
    /// How far before the watermark events are re-read: writes commit out of order across API requests and hosts, and a
    /// batch's mark is its newest commit, so an event a little older may still have been queued behind it.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    private const int Chunk = 1_000;

    /// <summary>Replays what each campaign may have lost and moves its watermark to the time the catch-up started.</summary>
    public async Task<TriggerResult> RunAsync(CancellationToken cancellationToken)
    {
        var result = TriggerResult.Empty;
        if (active is null) return result;
        foreach (var campaign in await active.GetAsync(cancellationToken))
        {
            var started = time.GetUtcNow();
            var mark = await watermarks.GetAsync(campaign.Id, cancellationToken);
            // A campaign never planned before has nothing lost: starting its mark now keeps a new campaign from messaging
            // every cart of the last day.
            if (mark is not null && TriggerMatcher.MomentType(campaign.Definition.Trigger!.On) is not null)
                result = result.Add(await ReplayAsync(campaign, mark.Value, started, cancellationToken));
            await watermarks.AdvanceAsync(campaign.Id, started, cancellationToken);
        }
        return result;
    }

    private async Task<TriggerResult> ReplayAsync(CompiledCampaign campaign, DateTimeOffset mark, DateTimeOffset now, CancellationToken ct)
    {
        var trigger = campaign.Definition.Trigger!;
        // Nothing older than the trigger's window can still be planned (maxLateHours ignores it), whatever the mark says.
        var window = now - trigger.Delay - TimeSpan.FromHours(trigger.MaxLateHours);
        var since = mark - Overlap > window ? mark - Overlap : window;
        var types = trigger.CancelOn.Append(TriggerMatcher.MomentType(trigger.On)!).Distinct(StringComparer.Ordinal).ToList();
        var result = TriggerResult.Empty;
        var (replayed, skipped) = (0, 0);
        await foreach (var events in interactions.ReadAsync(new InteractionQuery(since, null, types), Chunk, ct))
        {
            var work = TriggerMatcher.Match(new AcceptedBatch(events, [], [], now), [campaign]);
            // The same cart stored twice (a client retry with a new event id) is two equal moments: keys, not a dictionary of them.
            string KeyOf(TriggerWork w) => LedgerEntry.KeyOf(campaign.Id, w.Occurrence, w.CustomerId!, "main");
            var existing = await watermarks.ExistingKeysAsync([.. work.Where(w => w.Kind == TriggerWorkKind.Moment).Select(KeyOf)], ct);
            var lost = work.Where(w => w.Kind == TriggerWorkKind.Cancel || !existing.Contains(KeyOf(w))).ToList();
            skipped += work.Count - lost.Count;
            replayed += lost.Count(w => w.Kind == TriggerWorkKind.Moment);
            if (lost.Count > 0) result = result.Add(await processor.ProcessAsync(lost, ct));
        }
        logger.LogInformation("Trigger catch-up of {Campaign} from {Since:O}: {Replayed} moments re-planned, {Skipped} already in the ledger; {Result}",
            campaign.Id, since, replayed, skipped, result);
        return result;
    }
}
