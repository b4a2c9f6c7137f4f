using Campaigns.Data;

namespace Campaigns.Plugins.Segmentation.Rules;

/// <summary>What the rule functions do; called by compiled rules and by the interpreter alike. Keys arrive normalised.</summary>
internal static class RuleFunctions
{
    /// <summary>Category keys are upper case in profiles; tags lower case; channel kinds as written.</summary>
    public static string Normalise(string function, string argument) => function switch
    {
        "affinity" or "brand_affinity" => argument.Trim().ToUpperInvariant(),
        "has_tag" => argument.Trim().ToLowerInvariant(),
        _ => argument,
    };

    public static double Affinity(CustomerProfile p, string key) => p.CategoryAffinity.TryGetValue(key, out var share) ? share : 0;

    public static double BrandAffinity(CustomerProfile p, string key) => p.BrandAffinity.TryGetValue(key, out var share) ? share : 0;

    public static double OpenRate(CustomerProfile p, string kind) => p.Engagement.TryGetValue(kind, out var e) ? e.OpenRate : 0;

    public static double ClickRate(CustomerProfile p, string kind) => p.Engagement.TryGetValue(kind, out var e) ? e.ClickRate : 0;

    public static double Sent(CustomerProfile p, string kind) => p.Engagement.TryGetValue(kind, out var e) ? e.Sent : 0;

    public static bool HasTag(CustomerProfile p, string tag)
    {
        foreach (var t in p.InterestTags) if (t == tag) return true;
        return false;
    }

    /// <summary>A missing attribute is the empty text, so <c>attr("tier") == "gold"</c> is simply false for it.</summary>
    public static string Attr(IReadOnlyDictionary<string, string> attributes, string key) => attributes.TryGetValue(key, out var v) ? v : "";

    public static bool TextEquals(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The interpreter's dispatch by name.</summary>
    public static object Call(CustomerProfile p, IReadOnlyDictionary<string, string> attributes, string function, string key) =>
        function switch
        {
            "affinity" => Affinity(p, key),
            "brand_affinity" => BrandAffinity(p, key),
            "open_rate" => OpenRate(p, key),
            "click_rate" => ClickRate(p, key),
            "sent" => Sent(p, key),
            "has_tag" => HasTag(p, key),
            "attr" => Attr(attributes, key),
            _ => throw new InvalidOperationException("unknown function " + function),
        };
}
