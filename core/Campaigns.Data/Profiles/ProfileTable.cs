using System.Text.Json;
using Campaigns.Data.Access;
using Campaigns.Data.Bulk;

namespace Campaigns.Data.Profiles;

/// <summary>How a <see cref="CustomerProfile"/> is written to the <c>profiles</c> table.</summary>
internal static class ProfileTable
{
    public static readonly TableSpec<CustomerProfile> Spec = new("profiles",
    [
        Column.Text<CustomerProfile>("customer_id", p => p.CustomerId),
        Column.Long<CustomerProfile>("computed_at", p => UnixMs.From(p.ComputedAt)),
        Column.NullableDouble<CustomerProfile>("days_since_last_order", p => p.DaysSinceLastOrder),
        Column.NullableLong<CustomerProfile>("last_order_at", p => UnixMs.From(p.LastOrderAt)),
        Column.Int<CustomerProfile>("orders_30d", p => p.Orders30d),
        Column.Int<CustomerProfile>("orders_90d", p => p.Orders90d),
        Column.Int<CustomerProfile>("orders_365d", p => p.Orders365d),
        Column.Int<CustomerProfile>("orders_total", p => p.OrdersTotal),
        Column.Numeric<CustomerProfile>("revenue_90d", p => p.Revenue90d),
        Column.Numeric<CustomerProfile>("revenue_total", p => p.RevenueTotal),
        Column.Numeric<CustomerProfile>("avg_order_value", p => p.AvgOrderValue),
        Column.NullableDouble<CustomerProfile>("interval_mean_days", p => p.IntervalMeanDays),
        Column.NullableDouble<CustomerProfile>("interval_std_days", p => p.IntervalStdDays),
        Column.NullableLong<CustomerProfile>("expected_next_order_at", p => UnixMs.From(p.ExpectedNextOrderAt)),
        Column.NullableDouble<CustomerProfile>("price_sensitivity", p => p.PriceSensitivity),
        Column.NullableInt<CustomerProfile>("top_hour", p => p.TopHour),
        Column.Numeric<CustomerProfile>("cart_value", p => p.CartValue),
        Column.NullableLong<CustomerProfile>("cart_updated_at", p => UnixMs.From(p.CartUpdatedAt)),
        Column.Text<CustomerProfile>("category_affinity", p => JsonSerializer.Serialize(p.CategoryAffinity)),
        Column.Text<CustomerProfile>("brand_affinity", p => JsonSerializer.Serialize(p.BrandAffinity)),
        Column.Text<CustomerProfile>("activity_hours", p => JsonSerializer.Serialize(p.ActivityHours)),
        Column.Text<CustomerProfile>("cart_items", p => JsonColumn.Write(p.CartItems)),
        Column.Text<CustomerProfile>("engagement", p => JsonSerializer.Serialize(p.Engagement)),
        Column.Text<CustomerProfile>("interest_tags", p => JsonColumn.Write(p.InterestTags)),
    ]);
}
