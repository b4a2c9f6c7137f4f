using System.Text.Json;
using Campaigns.Data.Access;

namespace Campaigns.Data.Profiles;

/// <summary>A <c>profiles</c> row as Dapper materializes it.</summary>
internal sealed class ProfileRow
{
    public const string Select = """
        SELECT customer_id AS CustomerId, computed_at AS ComputedAt, days_since_last_order AS DaysSinceLastOrder, last_order_at AS LastOrderAt,
               orders_30d AS Orders30d, orders_90d AS Orders90d, orders_365d AS Orders365d, orders_total AS OrdersTotal,
               revenue_90d AS Revenue90d, revenue_total AS RevenueTotal, avg_order_value AS AvgOrderValue,
               interval_mean_days AS IntervalMeanDays, interval_std_days AS IntervalStdDays, expected_next_order_at AS ExpectedNextOrderAt,
               price_sensitivity AS PriceSensitivity, top_hour AS TopHour, cart_value AS CartValue, cart_updated_at AS CartUpdatedAt,
               category_affinity AS CategoryAffinity, brand_affinity AS BrandAffinity, activity_hours AS ActivityHours,
               cart_items AS CartItems, engagement AS Engagement, interest_tags AS InterestTags
        FROM profiles
        """;

    public string CustomerId { get; set; } = "";
    public long ComputedAt { get; set; }
    public double? DaysSinceLastOrder { get; set; }
    public long? LastOrderAt { get; set; }
    public int Orders30d { get; set; }
    public int Orders90d { get; set; }
    public int Orders365d { get; set; }
    public int OrdersTotal { get; set; }
    public decimal Revenue90d { get; set; }
    public decimal RevenueTotal { get; set; }
    public decimal AvgOrderValue { get; set; }
    public double? IntervalMeanDays { get; set; }
    public double? IntervalStdDays { get; set; }
    public long? ExpectedNextOrderAt { get; set; }
    public double? PriceSensitivity { get; set; }
    public int? TopHour { get; set; }
    public decimal CartValue { get; set; }
    public long? CartUpdatedAt { get; set; }
    public string CategoryAffinity { get; set; } = "{}";
    public string BrandAffinity { get; set; } = "{}";
    public string ActivityHours { get; set; } = "[]";
    public string CartItems { get; set; } = "[]";
    public string Engagement { get; set; } = "{}";
    public string InterestTags { get; set; } = "[]";

    public CustomerProfile ToProfile() => new(CustomerId, UnixMs.ToTime(ComputedAt))
    {
        DaysSinceLastOrder = DaysSinceLastOrder,
        LastOrderAt = Time(LastOrderAt),
        Orders30d = Orders30d,
        Orders90d = Orders90d,
        Orders365d = Orders365d,
        OrdersTotal = OrdersTotal,
        Revenue90d = Revenue90d,
        RevenueTotal = RevenueTotal,
        AvgOrderValue = AvgOrderValue,
        IntervalMeanDays = IntervalMeanDays,
        IntervalStdDays = IntervalStdDays,
        ExpectedNextOrderAt = Time(ExpectedNextOrderAt),
        PriceSensitivity = PriceSensitivity,
        TopHour = TopHour,
        CartValue = CartValue,
        CartUpdatedAt = Time(CartUpdatedAt),
        CategoryAffinity = Map<double>(CategoryAffinity),
        BrandAffinity = Map<double>(BrandAffinity),
        ActivityHours = JsonSerializer.Deserialize<int[]>(ActivityHours) ?? [],
        CartItems = JsonColumn.ReadList(CartItems),
        Engagement = Map<ChannelEngagement>(Engagement),
        InterestTags = JsonColumn.ReadList(InterestTags),
    };

    private static DateTimeOffset? Time(long? ms) => ms is { } v ? UnixMs.ToTime(v) : null;

    private static Dictionary<string, T> Map<T>(string json) =>
        json.Length <= 2 ? new Dictionary<string, T>(StringComparer.Ordinal) : JsonSerializer.Deserialize<Dictionary<string, T>>(json) ?? [];
}
