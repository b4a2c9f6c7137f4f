using System.Globalization;
using Campaigns.Scheduling;

namespace Campaigns.Host.Delivery;

/// <summary>
/// Reads the host's delivery policy from <c>Campaigns:Delivery</c>: <c>QuietHours</c> (<c>From</c>, <c>To</c> as
/// HH:mm), <c>FrequencyCaps:&lt;kind&gt;</c> (a list of <c>Count</c>, <c>Per</c> day|week) and
/// <c>Providers:&lt;name&gt;:RatePerSecond</c>. Every host sharing a database must use the same policy.
/// </summary>
internal static class DeliveryPolicyReader
{
    public const string Section = "Campaigns:Delivery";

    /// <summary>The policy, or an exception naming every bad setting by its configuration path.</summary>
    public static DeliveryPolicy Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var errors = new List<string>();
        var policy = new DeliveryPolicy
        {
            QuietHours = QuietHours(section.GetSection("QuietHours"), errors),
            FrequencyCaps = section.GetSection("FrequencyCaps").GetChildren()
                .ToDictionary(kind => kind.Key, kind => Caps(kind, errors), StringComparer.Ordinal),
            Providers = section.GetSection("Providers").GetChildren()
                .ToDictionary(p => p.Key, p => new ProviderLimit(Rate(p, errors)), StringComparer.Ordinal),
        };
        if (errors.Count > 0)
            throw new InvalidOperationException("Invalid delivery policy:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)));
        return policy;
    }

    private static LocalTimeRange? QuietHours(IConfigurationSection section, List<string> errors)
    {
        if (!section.Exists()) return null;
        var from = Time(section, "From", errors);
        var to = Time(section, "To", errors);
        if (from is null || to is null) return null;
        if (from == to) { errors.Add($"{section.Path}:To: must differ from From"); return null; }
        return new LocalTimeRange(from.Value, to.Value);
    }

    private static TimeOnly? Time(IConfigurationSection section, string name, List<string> errors)
    {
        var text = section[name];
        var time = LocalTimeRange.ParseTime(text);
        if (time is null) errors.Add($"{section.Path}:{name}: '{text}' is not a time of day as HH:mm");
        return time;
    }

    private static IReadOnlyList<FrequencyCap> Caps(IConfigurationSection kind, List<string> errors)
    {
        var caps = new List<FrequencyCap>();
        foreach (var cap in kind.GetChildren())
        {
            var countText = cap["Count"];
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                errors.Add($"{cap.Path}:Count: '{countText}' is not a whole number of at least 1");
            var per = cap["Per"]?.ToLowerInvariant();
            if (per is not ("day" or "week"))
                errors.Add($"{cap.Path}:Per: '{cap["Per"]}' must be 'day' or 'week'");
            caps.Add(new FrequencyCap(count, per == "week" ? CapPeriod.Week : CapPeriod.Day));
        }
        return caps;
    }

    private static double Rate(IConfigurationSection provider, List<string> errors)
    {
        var text = provider["RatePerSecond"];
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is > 0 and <= 1_000_000) return rate;
        errors.Add($"{provider.Path}:RatePerSecond: '{text}' is not a rate between 0 (exclusive) and 1000000");
        return 1;
    }
}
