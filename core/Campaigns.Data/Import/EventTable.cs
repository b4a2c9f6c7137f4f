using Campaigns.Data.Access;
using Campaigns.Data.Bulk;
using Campaigns.Storage;

namespace Campaigns.Data.Import;

/// <summary>How a <see cref="StoredEvent"/> is written to the <c>events</c> table.</summary>
internal static class EventTable
{
    public static TableSpec<StoredEvent> Spec { get; } = new("events",
    [
        Column.Text<StoredEvent>("event_id", e => e.EventId),
        Column.Text<StoredEvent>("customer_id", e => e.Interaction.CustomerId),
        Column.Text<StoredEvent>("item_id", e => e.Interaction.ItemId ?? ""),
        Column.Text<StoredEvent>("type", e => e.Interaction.Type),
        Column.Long<StoredEvent>("occurred_at", e => UnixMs.From(e.Interaction.OccurredAt)),
        Column.Double<StoredEvent>("quantity", e => e.Interaction.Quantity),
        Column.Numeric<StoredEvent>("value", e => e.Interaction.Value),
        Column.Text<StoredEvent>("properties", e => e.Properties),
    ]);
}
