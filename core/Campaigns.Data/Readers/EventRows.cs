using Campaigns.Data.Access;

namespace Campaigns.Data.Readers;

/// <summary>An <c>events</c> row as Dapper materializes it.</summary>
internal sealed class EventRow
{
    public const string Columns =
        "event_id AS EventId, customer_id AS CustomerId, item_id AS ItemId, type AS Type, occurred_at AS OccurredAt, quantity AS Quantity, value AS Value";

    public string EventId { get; set; } = "";
    public string CustomerId { get; set; } = "";
    public string ItemId { get; set; } = "";
    public string Type { get; set; } = "";
    public long OccurredAt { get; set; }
    public double Quantity { get; set; }
    public decimal Value { get; set; }

    public Interaction ToInteraction() => new(CustomerId, ItemId, Type, UnixMs.ToTime(OccurredAt), Quantity, Value);
}

/// <summary>One row of the per-item aggregate.</summary>
internal sealed class ItemActivityRow
{
    public string ItemId { get; set; } = "";
    public long Events { get; set; }
    public long Customers { get; set; }
    public double Quantity { get; set; }

    public ItemActivity ToActivity() => new(ItemId, Events, Customers, Quantity);
}

/// <summary>One row of the per-customer aggregate.</summary>
internal sealed class CustomerActivityRow
{
    public string CustomerId { get; set; } = "";
    public long Events { get; set; }
    public long LastAt { get; set; }

    public CustomerActivity ToActivity() => new(CustomerId, Events, UnixMs.ToTime(LastAt));
}
