using System.Linq.Expressions;
using Campaigns.Data;

namespace Campaigns.Plugins.Segmentation.Rules;

/// <summary>
/// The profile fields a rule may name, each defined once as an expression: the compiler inlines it, the interpreter
/// runs its compiled form. A missing value (never ordered, fewer than two orders) is NaN, so every comparison with it
/// is false except <c>!=</c>.
/// </summary>
internal static class ProfileFields
{
    public static readonly IReadOnlyDictionary<string, Expression<Func<CustomerProfile, double>>> Numbers =
        new Dictionary<string, Expression<Func<CustomerProfile, double>>>(StringComparer.Ordinal)
        {
            ["days_since_last_order"] = p => p.DaysSinceLastOrder ?? double.NaN,
            ["orders_30d"] = p => p.Orders30d,
            ["orders_90d"] = p => p.Orders90d,
            ["orders_365d"] = p => p.Orders365d,
            ["orders_total"] = p => p.OrdersTotal,
            ["revenue_90d"] = p => (double)p.Revenue90d,
            ["revenue_total"] = p => (double)p.RevenueTotal,
            ["avg_order_value"] = p => (double)p.AvgOrderValue,
            ["interval_mean_days"] = p => p.IntervalMeanDays ?? double.NaN,
            ["interval_std_days"] = p => p.IntervalStdDays ?? double.NaN,
            ["days_until_expected_order"] = p => p.ExpectedNextOrderAt.HasValue ? (p.ExpectedNextOrderAt.Value - p.ComputedAt).TotalDays : double.NaN,
            ["price_sensitivity"] = p => p.PriceSensitivity ?? double.NaN,
            ["top_hour"] = p => p.TopHour.HasValue ? p.TopHour.Value : double.NaN,
            ["cart_value"] = p => (double)p.CartValue,
            ["cart_items"] = p => p.CartItems.Count,
            ["days_since_cart_update"] = p => p.CartUpdatedAt.HasValue ? (p.ComputedAt - p.CartUpdatedAt.Value).TotalDays : double.NaN,
        };

    /// <summary>The interpreter's view: each field compiled once.</summary>
    public static readonly IReadOnlyDictionary<string, Func<CustomerProfile, double>> Compiled =
        Numbers.ToDictionary(f => f.Key, f => f.Value.Compile(), StringComparer.Ordinal);

    /// <summary>Functions of one text argument, with the type they return.</summary>
    public static readonly IReadOnlyDictionary<string, RuleType> Functions = new Dictionary<string, RuleType>(StringComparer.Ordinal)
    {
        ["affinity"] = RuleType.Number,
        ["brand_affinity"] = RuleType.Number,
        ["open_rate"] = RuleType.Number,
        ["click_rate"] = RuleType.Number,
        ["sent"] = RuleType.Number,
        ["has_tag"] = RuleType.Boolean,
        ["attr"] = RuleType.Text,
    };

    /// <summary>The known name closest to <paramref name="name"/>, when it is close enough to be a typo.</summary>
    public static string? Nearest(string name, IEnumerable<string> known) =>
        known.Select(k => (Name: k, Distance: Distance(name, k)))
            .Where(k => k.Distance <= Math.Max(2, name.Length / 3))
            .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal)
            .Select(k => k.Name).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
