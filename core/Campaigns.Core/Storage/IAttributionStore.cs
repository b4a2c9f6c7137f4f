namespace Campaigns.Storage;

/// <summary>
/// Conversion attribution: purchases credited to the message that led to them. A purchase within the click window
/// after a tracked click goes to the clicked message (the latest click wins); otherwise, within the view window after
/// a message was sent, to that message (view-through). Each purchase is credited at most once, so runs may overlap.
/// </summary>
public interface IAttributionStore
{
    /// <summary>Credits the purchases that happened in [<paramref name="from"/>, <paramref name="to"/>). Returns how many were newly credited.</summary>
    Task<int> AttributeAsync(DateTimeOffset from, DateTimeOffset to, AttributionWindows windows, CancellationToken cancellationToken);

    /// <summary>The credited purchases of one campaign, in purchase order.</summary>
    Task<IReadOnlyList<Conversion>> ListAsync(string campaignId, CancellationToken cancellationToken);
}

/// <summary>How long after a click, and after a send, a purchase still counts (defaults: 7 days and 1 day).</summary>
public sealed record AttributionWindows(TimeSpan Click, TimeSpan View)
{
    /// <summary>7 days after a click, 1 day after a send.</summary>
    public static AttributionWindows Default { get; } = new(TimeSpan.FromDays(7), TimeSpan.FromDays(1));
}

/// <summary>One purchase credited to one message.</summary>
/// <param name="PurchaseEventId">The purchase event.</param>
/// <param name="DeliveryKey">The message (its ledger key: campaign, occurrence, customer).</param>
/// <param name="CampaignId">The message's campaign.</param>
/// <param name="CustomerId">Who bought.</param>
/// <param name="ItemId">What they bought.</param>
/// <param name="Via"><c>click</c> or <c>view</c>.</param>
/// <param name="Recommended">True when the bought item was one the message recommended.</param>
/// <param name="Revenue">Quantity × value of the purchase event.</param>
/// <param name="PurchasedAt">When.</param>
public sealed record Conversion(string PurchaseEventId, string DeliveryKey, string CampaignId, string CustomerId, string ItemId, string Via,
    bool Recommended, decimal Revenue, DateTimeOffset PurchasedAt);
