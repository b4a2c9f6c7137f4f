using System.Text.Json;
using System.Xml;
using Campaigns.Campaign;
using Campaigns.Data;

namespace Campaigns.Triggers;

/// <summary>Reads and validates a campaign's <c>trigger</c> block, each problem with its JSON path, filling the defaults of its moment.</summary>
internal static class TriggerReader
{
    private static readonly string[] Known = ["on", "delay", "cancelOn", "cancelMatch", "cooldownHours", "lookbackDays", "minDropPercent", "maxLateHours", "replenishment"];
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(90);

    /// <summary>The trigger of a campaign, or null when it has none; a trigger schedule without a block (or the other way round) is an error.</summary>
    public static TriggerDefinition? Read(JsonObjectReader campaign, string scheduleType, List<DefinitionError> errors)
    {
        var o = campaign.Object("trigger");
        if (scheduleType != "trigger")
        {
            if (o is not null) errors.Add(new DefinitionError(o.Path, "only a campaign with \"schedule\": { \"type\": \"trigger\" } has a trigger"));
            return null;
        }
        if (o is null)
        {
            errors.Add(new DefinitionError("$.trigger", "required when the schedule type is 'trigger'"));
            return null;
        }
        o.RejectUnknown(Known);
        var on = o.String("on", required: true);
        if (on is not null && !TriggerKinds.All.Contains(on))
            errors.Add(new DefinitionError(o.Path + ".on", $"unknown trigger '{on}' (expected one of: {string.Join(", ", TriggerKinds.All)})"));
        var kind = on ?? TriggerKinds.CartAbandoned;
        var cancelMatch = o.String("cancelMatch");
        if (cancelMatch is not (null or "customer" or "item")) errors.Add(new DefinitionError(o.Path + ".cancelMatch", "must be 'customer' or 'item'"));
        var cooldown = Within(o, "cooldownHours", o.Int("cooldownHours") ?? (kind == TriggerKinds.PostPurchase ? 168 : 24), 0, 24 * 366, errors);
        var lookback = Within(o, "lookbackDays", o.Int("lookbackDays") ?? 30, 1, 366, errors);
        var maxLate = Within(o, "maxLateHours", o.Int("maxLateHours") ?? 24, 0, 24 * 366, errors);
        var drop = o.Decimal("minDropPercent") ?? 10m;
        if (drop is <= 0 or >= 100) errors.Add(new DefinitionError(o.Path + ".minDropPercent", "must be more than 0 and less than 100"));
        var replenishment = Replenishment(o, kind, errors);
        return new TriggerDefinition(kind, Delay(o, kind, errors), CancelOn(o, kind, errors),
            cancelMatch switch { "item" => CancelMatch.Item, "customer" => CancelMatch.Customer, _ => DefaultMatch(kind) },
            cooldown, lookback, drop, maxLate, replenishment);
    }

    // Abandonment ends with any purchase (a checkout buys the whole cart); the item moments end with buying that item.
    private static CancelMatch DefaultMatch(string kind) =>
        kind is TriggerKinds.CartAbandoned or TriggerKinds.BrowseAbandoned ? CancelMatch.Customer : CancelMatch.Item;

    private static TimeSpan Delay(JsonObjectReader o, string kind, List<DefinitionError> errors)
    {
        var fallback = kind switch
        {
            TriggerKinds.CartAbandoned => TimeSpan.FromHours(1),
            TriggerKinds.BrowseAbandoned => TimeSpan.FromHours(2),
            TriggerKinds.PostPurchase => TimeSpan.FromDays(3),
            _ => TimeSpan.Zero,
        };
        if (!o.Element.TryGetProperty("delay", out var value) || value.ValueKind == JsonValueKind.Null) return fallback;
        var path = o.Path + ".delay";
        TimeSpan? delay = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var hours) && hours >= 0 && hours <= MaxDelay.TotalHours => TimeSpan.FromHours(hours),
            JsonValueKind.String => Iso(value.GetString()!),
            _ => null,
        };
        if (delay is null || delay < TimeSpan.Zero || delay > MaxDelay)
        {
            errors.Add(new DefinitionError(path, "must be an ISO 8601 duration such as \"PT1H\" or \"P3D\", or a number of hours, between 0 and 90 days"));
            return fallback;
        }
        return delay.Value;
    }

    private static TimeSpan? Iso(string text)
    {
        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static List<string> CancelOn(JsonObjectReader o, string kind, List<DefinitionError> errors)
    {
        if (!o.Element.TryGetProperty("cancelOn", out var value) || value.ValueKind == JsonValueKind.Null)
            return kind switch
            {
                TriggerKinds.BrowseAbandoned => [InteractionTypes.Purchase, InteractionTypes.CartAdd],
                TriggerKinds.PostPurchase => [InteractionTypes.Return],
                _ => [InteractionTypes.Purchase],
            };
        var types = new List<string>();
        foreach (var (element, path) in o.Array("cancelOn"))
        {
            if (element.ValueKind == JsonValueKind.String && element.GetString() is { } type && InteractionTypes.All.Contains(type)) types.Add(type);
            else errors.Add(new DefinitionError(path, $"must be an event type (one of: {string.Join(", ", InteractionTypes.All)})"));
        }
        return types;
    }

    private static ReplenishmentDefinition? Replenishment(JsonObjectReader trigger, string kind, List<DefinitionError> errors)
    {
        var o = trigger.Object("replenishment");
        if (kind != TriggerKinds.Replenishment)
        {
            if (o is not null) errors.Add(new DefinitionError(o.Path, "only a 'replenishment' trigger has this block"));
            return null;
        }
        if (o is null) return new ReplenishmentDefinition(null, 3, 365, "0 6 * * *");
        o.RejectUnknown(["intervalDays", "minRepeats", "historyDays", "scanCron"]);
        var interval = o.Int("intervalDays");
        if (interval is not null) Within(o, "intervalDays", interval.Value, 1, 366, errors);
        var cron = o.String("scanCron") ?? "0 6 * * *";
        if (!Scheduling.CampaignSchedule.TryParseCron(cron, out var why)) errors.Add(new DefinitionError(o.Path + ".scanCron", why));
        return new ReplenishmentDefinition(interval, Within(o, "minRepeats", o.Int("minRepeats") ?? 3, 1, 1000, errors),
            Within(o, "historyDays", o.Int("historyDays") ?? 365, 7, 3660, errors), cron);
    }

    private static int Within(JsonObjectReader o, string name, int value, int min, int max, List<DefinitionError> errors)
    {
        if (value < min || value > max) errors.Add(new DefinitionError($"{o.Path}.{name}", $"must be between {min} and {max}"));
        return value;
    }
}
