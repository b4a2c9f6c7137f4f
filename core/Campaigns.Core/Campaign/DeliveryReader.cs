using System.Text.Json;
using Campaigns.Scheduling;

namespace Campaigns.Campaign;

/// <summary>Reads and validates a campaign's <c>delivery</c> block, each problem with its JSON path.</summary>
internal static class DeliveryReader
{
    private static readonly string[] Known = ["window", "quietHours", "deadlineHours", "whenInfeasible", "deferDays", "ignoreFrequencyCaps", "provider"];

    public static DeliveryDefinition Read(JsonObjectReader campaign, List<DefinitionError> errors)
    {
        var o = campaign.Object("delivery");
        if (o is null) return DeliveryDefinition.Default;
        o.RejectUnknown(Known);
        var deadline = o.Int("deadlineHours");
        if (deadline is < 1 or > 24 * 366) errors.Add(new DefinitionError(o.Path + ".deadlineHours", "must be between 1 and 8784"));
        var deferDays = o.Int("deferDays") ?? 7;
        if (deferDays is < 0 or > 366) errors.Add(new DefinitionError(o.Path + ".deferDays", "must be between 0 and 366"));
        var policy = o.String("whenInfeasible") ?? "defer";
        if (policy is not ("defer" or "drop")) errors.Add(new DefinitionError(o.Path + ".whenInfeasible", "must be 'defer' or 'drop'"));
        var (quiet, inherit) = QuietHours(o, errors);
        return new DeliveryDefinition
        {
            Window = Range(o, "window", errors),
            QuietHours = quiet,
            InheritQuietHours = inherit,
            DeadlineHours = deadline,
            WhenInfeasible = policy == "drop" ? InfeasiblePolicy.Drop : InfeasiblePolicy.Defer,
            DeferDays = deferDays,
            IgnoreFrequencyCaps = o.Bool("ignoreFrequencyCaps") ?? false,
            Provider = o.String("provider"),
        };
    }

    private static (LocalTimeRange? Range, bool Inherit) QuietHours(JsonObjectReader delivery, List<DefinitionError> errors)
    {
        if (!delivery.Element.TryGetProperty("quietHours", out var value) || value.ValueKind == JsonValueKind.Null) return (null, true);
        if (value.ValueKind == JsonValueKind.False) return (null, false);
        return (Range(delivery, "quietHours", errors), false);
    }

    /// <summary>Reads <c>{ "from": "HH:mm", "to": "HH:mm" }</c>; from and to must differ.</summary>
    public static LocalTimeRange? Range(JsonObjectReader parent, string name, List<DefinitionError> errors)
    {
        var o = parent.Object(name);
        if (o is null) return null;
        o.RejectUnknown(["from", "to"]);
        var from = Time(o, "from", errors);
        var to = Time(o, "to", errors);
        if (from is null || to is null) return null;
        if (from == to)
        {
            errors.Add(new DefinitionError(o.Path + ".to", "must differ from 'from' (an empty or a whole-day range means nothing)"));
            return null;
        }
        return new LocalTimeRange(from.Value, to.Value);
    }

    private static TimeOnly? Time(JsonObjectReader o, string name, List<DefinitionError> errors)
    {
        var text = o.String(name, required: true);
        if (text is null) return null;
        var time = LocalTimeRange.ParseTime(text);
        if (time is null) errors.Add(new DefinitionError($"{o.Path}.{name}", $"'{text}' is not a time of day as HH:mm (00:00 to 23:59)"));
        return time;
    }
}
