namespace Campaigns.Data;

/// <summary>
/// What the shop knows about one customer's behaviour, recomputed by the host (a recurring job, and after each
/// accepted batch of events for the customers it touched). Every field is defined exactly in <c>docs/profiles.md</c>;
/// windowed figures are as of <see cref="ComputedAt"/>.
/// </summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ComputedAt">The instant the windows of this profile end at.</param>
public sealed record CustomerProfile(string CustomerId, DateTimeOffset ComputedAt)
{
    /// <summary>Whole and fractional days from the last order to <see cref="ComputedAt"/>; null when the customer never ordered.</summary>
    public double? DaysSinceLastOrder { get; init; }

    /// <summary>When the last order was placed; null when never.</summary>
    public DateTimeOffset? LastOrderAt { get; init; }

    /// <summary>Orders (distinct purchase instants) in the 30 days before <see cref="ComputedAt"/>.</summary>
    public int Orders30d { get; init; }

    /// <summary>Orders in the 90 days before <see cref="ComputedAt"/>.</summary>
    public int Orders90d { get; init; }

    /// <summary>Orders in the 365 days before <see cref="ComputedAt"/>.</summary>
    public int Orders365d { get; init; }

    /// <summary>Orders ever.</summary>
    public int OrdersTotal { get; init; }

    /// <summary>Purchase value in the 90 days before <see cref="ComputedAt"/>.</summary>
    public decimal Revenue90d { get; init; }

    /// <summary>Purchase value ever.</summary>
    public decimal RevenueTotal { get; init; }

    /// <summary><see cref="RevenueTotal"/> divided by <see cref="OrdersTotal"/>; 0 without orders.</summary>
    public decimal AvgOrderValue { get; init; }

    /// <summary>Mean days between consecutive orders; null with fewer than two orders.</summary>
    public double? IntervalMeanDays { get; init; }

    /// <summary>Population standard deviation of the days between consecutive orders; null with fewer than two orders.</summary>
    public double? IntervalStdDays { get; init; }

    /// <summary>Last order plus the mean interval; null with fewer than two orders.</summary>
    public DateTimeOffset? ExpectedNextOrderAt { get; init; }

    /// <summary>Share (0..1) of the customer's purchase value per category, upper-case keys.</summary>
    public IReadOnlyDictionary<string, double> CategoryAffinity { get; init; } = EmptyShares;

    /// <summary>Share (0..1) of the customer's purchase value per brand, upper-case keys; empty when the catalogue names no brands.</summary>
    public IReadOnlyDictionary<string, double> BrandAffinity { get; init; } = EmptyShares;

    /// <summary>Share (0..1) of purchase lines whose item is priced below the catalogue's median price; null without purchases.</summary>
    public double? PriceSensitivity { get; init; }

    /// <summary>Events per hour of the day (24 entries) in the customer's own time zone.</summary>
    public IReadOnlyList<int> ActivityHours { get; init; } = [];

    /// <summary>The local hour with the most events (lowest on ties); null without events.</summary>
    public int? TopHour { get; init; }

    /// <summary>Items added to the cart and not bought since; empty when the cart is empty.</summary>
    public IReadOnlyList<string> CartItems { get; init; } = [];

    /// <summary>Value of <see cref="CartItems"/> (event value, else quantity times catalogue price).</summary>
    public decimal CartValue { get; init; }

    /// <summary>When the newest item still in the cart was added; null when the cart is empty.</summary>
    public DateTimeOffset? CartUpdatedAt { get; init; }

    /// <summary>Per channel kind: messages sent, and the share opened and clicked.</summary>
    public IReadOnlyDictionary<string, ChannelEngagement> Engagement { get; init; } = EmptyEngagement;

    /// <summary>The customer's top keywords (TF-IDF over the titles and descriptions of the items they touched), best first, lower case.</summary>
    public IReadOnlyList<string> InterestTags { get; init; } = [];

    private static readonly IReadOnlyDictionary<string, double> EmptyShares = new Dictionary<string, double>();
    private static readonly IReadOnlyDictionary<string, ChannelEngagement> EmptyEngagement = new Dictionary<string, ChannelEngagement>();
}

/// <summary>How a customer responds to one channel kind.</summary>
/// <param name="Sent">Messages of this kind sent to the customer (ledger state <c>sent</c>).</param>
/// <param name="OpenRate">Sent messages with an <c>open</c> event, divided by <paramref name="Sent"/>.</param>
/// <param name="ClickRate">Sent messages with at least one <c>click</c> event, divided by <paramref name="Sent"/>.</param>
public sealed record ChannelEngagement(int Sent, double OpenRate, double ClickRate);

/// <summary>Read-only access to customer profiles, implemented by the host over its store.</summary>
public interface IProfileReader
{
    /// <summary>Streams every stored profile in batches of at most <paramref name="batchSize"/>, ordered by customer id.</summary>
    IAsyncEnumerable<IReadOnlyList<CustomerProfile>> ReadAllAsync(int batchSize, CancellationToken cancellationToken);

    /// <summary>The profiles of the given customers that exist; customers without a profile are left out.</summary>
    Task<IReadOnlyList<CustomerProfile>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}
