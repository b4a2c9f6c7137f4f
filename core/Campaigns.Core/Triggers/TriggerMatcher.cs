using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Events;

namespace Campaigns.Triggers;

/// <summary>Turns a committed batch into trigger work for the active trigger campaigns. Pure: no I/O, so the write path stays fast.</summary>
public static class TriggerMatcher
{
    /// <summary>The work <paramref name="batch"/> gives <paramref name="campaigns"/> (trigger campaigns only), in event order.</summary>
    public static IReadOnlyList<TriggerWork> Match(AcceptedBatch batch, IReadOnlyList<CompiledCampaign> campaigns)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(campaigns);
        var work = new List<TriggerWork>();
        foreach (var campaign in campaigns)
        {
            if (campaign.Definition.Trigger is not { } trigger) continue;
            var moment = MomentType(trigger.On);
            foreach (var e in batch.Events)
            {
                if (e.Type == moment && e.ItemId.Length > 0)
                    work.Add(new TriggerWork(campaign, TriggerWorkKind.Moment, e.CustomerId, e.ItemId, e.OccurredAt, e.OccurredAt + trigger.Delay, batch.AcceptedAt));
                if (trigger.CancelOn.Contains(e.Type))
                    work.Add(new TriggerWork(campaign, TriggerWorkKind.Cancel, e.CustomerId, e.ItemId, e.OccurredAt, e.OccurredAt, batch.AcceptedAt, e.Type));
            }
            foreach (var change in batch.Catalog)
            {
                if (!Fires(trigger, change)) continue;
                // The stored change time names the occurrence, so a replay from catalog_changes finds the same ledger keys.
                var at = change.ChangedAt ?? batch.AcceptedAt;
                work.Add(new TriggerWork(campaign, TriggerWorkKind.ItemMoment, null, change.Item.Id, at, at + trigger.Delay, batch.AcceptedAt));
            }
        }
        return work;
    }

    /// <summary>The event type that starts a per-customer moment of a trigger, or null when catalog changes or a scan start it.</summary>
    public static string? MomentType(string on) => on switch
    {
        TriggerKinds.CartAbandoned => InteractionTypes.CartAdd,
        TriggerKinds.BrowseAbandoned => InteractionTypes.View,
        TriggerKinds.PostPurchase => InteractionTypes.Purchase,
        _ => null,
    };

    private static bool Fires(TriggerDefinition trigger, CatalogChange change) => trigger.On switch
    {
        TriggerKinds.BackInStock => change.BackInStock,
        TriggerKinds.PriceDrop => change.PriceDropped && change.PreviousPrice is > 0 and { } before
            && (before - change.Item.Price) * 100m / before >= trigger.MinDropPercent,
        _ => false,
    };
}
