using System.Globalization;
using Campaigns.Triggers;

namespace Campaigns.Host.Triggers;

/// <summary>Reads <see cref="TriggerSweepOptions"/> from <c>Campaigns:Triggers</c> (<c>HostId</c>, <c>SweepEvery</c>, <c>HostDeadAfter</c>, as <c>00:01:00</c>).</summary>
internal static class TriggerSweepSettings
{
    public static TriggerSweepOptions Read(IConfiguration? configuration)
    {
        var defaults = TriggerSweepOptions.Default();
        var section = configuration?.GetSection("Campaigns:Triggers");
        if (section is null) return defaults;
        var every = Span(section, "SweepEvery") ?? defaults.Every;
        var deadAfter = Span(section, "HostDeadAfter") ?? every * 3;
        if (deadAfter <= every)
            throw new InvalidOperationException($"Campaigns:Triggers:HostDeadAfter ({deadAfter}) must be longer than Campaigns:Triggers:SweepEvery ({every}): a live host would be taken for dead.");
        return new TriggerSweepOptions(section["HostId"] is { Length: > 0 } id ? id : defaults.HostId, every, deadAfter);
    }

    private static TimeSpan? Span(IConfigurationSection section, string key)
    {
        if (section[key] is not { Length: > 0 } text) return null;
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero) return span;
        throw new InvalidOperationException($"Campaigns:Triggers:{key}: '{text}' is not a positive duration such as 00:01:00.");
    }
}
