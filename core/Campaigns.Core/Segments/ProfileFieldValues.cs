using System.Text.Json;
using System.Text.RegularExpressions;
using Campaigns.Data;

namespace Campaigns.Segments;

/// <summary>
/// The profile fields by the names rules use. The rule language lives in a plugin; the host only needs to show the
/// fields a preview's expression names, so it looks the known names up in the expression's words.
/// </summary>
internal static partial class ProfileFieldValues
{
    private static readonly Dictionary<string, Func<CustomerProfile, object?>> Fields = new(StringComparer.Ordinal)
    {
        ["days_since_last_order"] = p => p.DaysSinceLastOrder,
        ["orders_30d"] = p => p.Orders30d,
        ["orders_90d"] = p => p.Orders90d,
        ["orders_365d"] = p => p.Orders365d,
        ["orders_total"] = p => p.OrdersTotal,
        ["revenue_90d"] = p => p.Revenue90d,
        ["revenue_total"] = p => p.RevenueTotal,
        ["avg_order_value"] = p => p.AvgOrderValue,
        ["interval_mean_days"] = p => p.IntervalMeanDays,
        ["interval_std_days"] = p => p.IntervalStdDays,
        ["price_sensitivity"] = p => p.PriceSensitivity,
        ["top_hour"] = p => p.TopHour,
        ["cart_value"] = p => p.CartValue,
        ["cart_items"] = p => p.CartItems.Count,
        ["affinity"] = p => p.CategoryAffinity,
        ["brand_affinity"] = p => p.BrandAffinity,
        ["has_tag"] = p => p.InterestTags,
        ["open_rate"] = p => p.Engagement,
        ["click_rate"] = p => p.Engagement,
        ["sent"] = p => p.Engagement,
    };

    /// <summary>The known field names among the words of the options' <c>expression</c>, in order of first use.</summary>
    public static IReadOnlyList<string> NamedIn(JsonElement? options)
    {
        if (options is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty("expression", out var e) || e.ValueKind != JsonValueKind.String)
            return [];
        return [.. Word().Matches(e.GetString()!).Select(m => m.Value.ToLowerInvariant()).Where(Fields.ContainsKey).Distinct()];
    }

    public static Dictionary<string, object?> Of(CustomerProfile profile, IReadOnlyList<string> names) =>
        names.ToDictionary(n => n, n => Fields[n](profile), StringComparer.Ordinal);

    [GeneratedRegex("[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Word();
}
