using System.Text.Json;
using System.Text.RegularExpressions;
using Campaigns.Data;

namespace Campaigns.Segments;

/// <summary>
/// The profile values a preview shows: the fields and function calls (<c>affinity("BAG")</c>) that the options'
/// expression names. The rule language lives in a plugin; the host only needs to recognise these names in the text.
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
    };

    private static readonly Dictionary<string, Func<CustomerProfile, string, object?>> Calls = new(StringComparer.Ordinal)
    {
        ["affinity"] = (p, a) => p.CategoryAffinity.GetValueOrDefault(a.Trim().ToUpperInvariant()),
        ["brand_affinity"] = (p, a) => p.BrandAffinity.GetValueOrDefault(a.Trim().ToUpperInvariant()),
        ["has_tag"] = (p, a) => p.InterestTags.Contains(a.Trim().ToLowerInvariant()),
        ["open_rate"] = (p, a) => p.Engagement.GetValueOrDefault(a)?.OpenRate ?? 0,
        ["click_rate"] = (p, a) => p.Engagement.GetValueOrDefault(a)?.ClickRate ?? 0,
        ["sent"] = (p, a) => p.Engagement.GetValueOrDefault(a)?.Sent ?? 0,
    };

    /// <summary>The known fields and calls in the options' <c>expression</c>, in order of first use.</summary>
    public static IReadOnlyList<string> NamedIn(JsonElement? options)
    {
        if (options is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty("expression", out var e) || e.ValueKind != JsonValueKind.String)
            return [];
        return [.. Term().Matches(e.GetString()!)
            .Select(m => m.Groups["arg"].Success ? $"{m.Groups["name"].Value.ToLowerInvariant()}(\"{m.Groups["arg"].Value}\")" : m.Value.ToLowerInvariant())
            .Where(IsKnown).Distinct()];
    }

    public static Dictionary<string, object?> Of(CustomerProfile profile, IReadOnlyList<string> names) =>
        names.ToDictionary(n => n, n => Value(profile, n), StringComparer.Ordinal);

    private static bool IsKnown(string name) => Fields.ContainsKey(name) || (name.IndexOf('(') is var open and > 0 && Calls.ContainsKey(name[..open]));

    private static object? Value(CustomerProfile profile, string name)
    {
        if (Fields.TryGetValue(name, out var field)) return field(profile);
        var open = name.IndexOf('(');
        return Calls[name[..open]](profile, name[(open + 2)..^2]);
    }

    [GeneratedRegex("""(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\(\s*["'](?<arg>[^"']*)["']\s*\)|[A-Za-z_][A-Za-z0-9_]*""")]
    private static partial Regex Term();
}
