using Campaigns.Data.Access;
using Campaigns.Data.Bulk;
using Campaigns.Storage;

namespace Campaigns.Data.Ledger;

/// <summary>How a planned <see cref="LedgerEntry"/> is written to the <c>deliveries</c> table (claim columns start empty).</summary>
internal static class DeliveryTable
{
    public static TableSpec<LedgerEntry> Spec(long now) => new("deliveries",
    [
        Column.Text<LedgerEntry>("key", e => e.Key),
        Column.Text<LedgerEntry>("campaign_id", e => e.CampaignId),
        Column.Int<LedgerEntry>("campaign_version", e => e.CampaignVersion),
        Column.Text<LedgerEntry>("occurrence", e => e.Occurrence),
        Column.Text<LedgerEntry>("customer_id", e => e.CustomerId),
        Column.Text<LedgerEntry>("step", e => e.Step),
        Column.Text<LedgerEntry>("state", e => DeliveryStateText.Of(e.State)),
        Column.Text<LedgerEntry>("reason", e => e.Reason),
        Column.Long<LedgerEntry>("send_at", e => UnixMs.From(e.SendAt)),
        Column.Long<LedgerEntry>("preferred_at", e => UnixMs.From(e.PreferredAt)),
        Column.Text<LedgerEntry>("address", e => e.Address),
        Column.Text<LedgerEntry>("subject", e => e.Subject),
        Column.Text<LedgerEntry>("body", e => e.Body),
        Column.Text<LedgerEntry>("item_ids", e => JsonColumn.Write(e.ItemIds)),
        Column.Int<LedgerEntry>("attempts", e => e.Attempts),
        Column.Text<LedgerEntry>("channel_kind", e => e.ChannelKind),
        Column.NullableInt<LedgerEntry>("local_day", e => e.LocalDay),
        Column.Text<LedgerEntry>("decision", e => e.Decision),
        Column.Text<LedgerEntry>("trigger_item_id", e => e.TriggerItemId),
        Column.NullableLong<LedgerEntry>("triggered_at", e => e.TriggeredAt is { } at ? UnixMs.From(at) : null),
        Column.Text<LedgerEntry>("variant", e => e.Variant),
        Column.Long<LedgerEntry>("created_at", _ => now),
        Column.Long<LedgerEntry>("updated_at", _ => now),
    ]);
}
