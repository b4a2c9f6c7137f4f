using Campaigns.Data.Access;
using Campaigns.Data.Bulk;
using Campaigns.Storage;

namespace Campaigns.Data.Import;

/// <summary>How a <see cref="StoredEvent"/> is written to the <c>events</c> table.</summary>
internal static class EventTable
{
    /// <summary>The spec of a write accepted at <paramref name="acceptedAt"/> (unix ms): the trigger sweep replays by it.</summary>
    public static TableSpec<StoredEvent> Spec(long acceptedAt) => new("events",
    [
        Column.Text<StoredEvent>("event_id", e => e.EventId),
        Column.Text<StoredEvent>("customer_id", e => e.Interaction.CustomerId),
        Column.Text<StoredEvent>("item_id", e => e.Interaction.ItemId ?? ""),
        Column.Text<StoredEvent>("type", e => e.Interaction.Type),
        Column.Long<StoredEvent>("occurred_at", e => UnixMs.From(e.Interaction.OccurredAt)),
        Column.Double<StoredEvent>("quantity", e => e.Interaction.Quantity),
        Column.Numeric<StoredEvent>("value", e => e.Interaction.Value),
        Column.Text<StoredEvent>("properties", e => e.Properties),
        Column.Long<StoredEvent>("accepted_at", _ => acceptedAt),
    ]);
}
