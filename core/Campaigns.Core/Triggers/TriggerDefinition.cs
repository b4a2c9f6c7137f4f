namespace Campaigns.Triggers;

/// <summary>
/// The <c>trigger</c> block of a campaign whose schedule is <c>{ "type": "trigger" }</c>: which moment starts a message,
/// how long to wait, what cancels it and how often one customer may get it (docs/triggers.md).
/// </summary>
/// <param name="On">The moment: one of <see cref="TriggerKinds.All"/>.</param>
/// <param name="Delay">How long after the moment the message is due (then quiet hours and caps may move it).</param>
/// <param name="CancelOn">Event types that suppress a planned, not yet sent message with the reason <c>cancelled:&lt;type&gt;</c>.</param>
/// <param name="CancelMatch">Whether a cancel event must be on the same item as the trigger, or any item of the customer.</param>
/// <param name="CooldownHours">At most one message per customer from this campaign within this many hours.</param>
/// <param name="LookbackDays">Back in stock and price drop: customers who viewed or carted the item within this many days.</param>
/// <param name="MinDropPercent">Price drop: the smallest drop, in percent of the old price, that triggers.</param>
/// <param name="MaxLateHours">A moment whose due time is more than this many hours past is ignored (old events replayed by an import).</param>
/// <param name="Replenishment">Replenishment only: how the repurchase interval is found and when the scan runs.</param>
public sealed record TriggerDefinition(
    string On,
    TimeSpan Delay,
    IReadOnlyList<string> CancelOn,
    CancelMatch CancelMatch,
    int CooldownHours,
    int LookbackDays,
    decimal MinDropPercent,
    int MaxLateHours,
    ReplenishmentDefinition? Replenishment);

/// <summary>Which cancel events count.</summary>
public enum CancelMatch
{
    /// <summary>Any cancel event of the customer (a purchase of anything ends an abandoned cart).</summary>
    Customer,
    /// <summary>Only a cancel event on the trigger's own item (buying the item that came back in stock).</summary>
    Item,
}

/// <summary>How replenishment finds when a customer runs out.</summary>
/// <param name="IntervalDays">A fixed repurchase interval for every item; null to learn each item's from purchase history.</param>
/// <param name="MinRepeats">Learning: an item needs this many repeat purchases (by any customers) before it has an interval.</param>
/// <param name="HistoryDays">Learning and scanning look at purchases of this many days back.</param>
/// <param name="ScanCron">When the host scans for customers due (five-field cron, UTC).</param>
public sealed record ReplenishmentDefinition(int? IntervalDays, int MinRepeats, int HistoryDays, string ScanCron);

/// <summary>The trigger moments a campaign can start from.</summary>
public static class TriggerKinds
{
    /// <summary>An item was added to the cart and no purchase followed within the delay.</summary>
    public const string CartAbandoned = "cart-abandoned";
    /// <summary>An item was viewed and neither carted nor bought within the delay.</summary>
    public const string BrowseAbandoned = "browse-abandoned";
    /// <summary>An item the customer viewed or carted is in stock again.</summary>
    public const string BackInStock = "back-in-stock";
    /// <summary>An item the customer viewed or carted got cheaper.</summary>
    public const string PriceDrop = "price-drop";
    /// <summary>Cross-sell after a purchase: items related to the one bought.</summary>
    public const string PostPurchase = "post-purchase";
    /// <summary>A repeat-bought item is due again (scanned by a recurring job).</summary>
    public const string Replenishment = "replenishment";

    /// <summary>Every moment, in the order the docs list them.</summary>
    public static IReadOnlyList<string> All { get; } = [CartAbandoned, BrowseAbandoned, BackInStock, PriceDrop, PostPurchase, Replenishment];

    /// <summary>Moments whose trigger item leads the message (the item left behind, back, cheaper or due); a post-purchase message shows related items only.</summary>
    public static bool ShowsTriggerItem(string on) => on != PostPurchase;
}
