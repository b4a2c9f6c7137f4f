using System.Globalization;
using Campaigns.Campaign;

namespace Campaigns.Triggers;

/// <summary>What the trigger worker has to do for one campaign: plan a moment, find who a catalog change is for, or cancel.</summary>
public enum TriggerWorkKind
{
    /// <summary>A moment of one customer (a cart, a view, a purchase, a repurchase due): plan their message.</summary>
    Moment,
    /// <summary>An item came back in stock or got cheaper: plan a message for each customer who viewed or carted it within the lookback.</summary>
    ItemMoment,
    /// <summary>A cancel event: suppress the customer's planned messages of the campaign that it matches.</summary>
    Cancel,
}

/// <summary>One unit of trigger work; ids and times only, the campaign as compiled once per version.</summary>
/// <param name="Campaign">The trigger campaign.</param>
/// <param name="Kind">What to do.</param>
/// <param name="CustomerId">The customer (null for an item moment).</param>
/// <param name="ItemId">The item of the moment or of the cancel event.</param>
/// <param name="At">When the moment or cancel event happened.</param>
/// <param name="DueAt">When the message is due before quiet hours and caps: the moment plus the delay.</param>
/// <param name="AcceptedAt">When the write that carried it committed (trigger latency starts here).</param>
/// <param name="EventType">For a cancel: the event type, which names the reason (<c>cancelled:purchase</c>).</param>
public sealed record TriggerWork(CompiledCampaign Campaign, TriggerWorkKind Kind, string? CustomerId, string ItemId, DateTimeOffset At,
    DateTimeOffset DueAt, DateTimeOffset AcceptedAt, string? EventType = null)
{
    /// <summary>
    /// The occurrence id of a moment: the trigger, the item and the instant. With the customer and the campaign it makes
    /// the ledger key, so the same event sent twice (or seen by two hosts) plans one message.
    /// </summary>
    public string Occurrence => string.Join(':', Campaign.Definition.Trigger!.On, ItemId, At.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture));
}
