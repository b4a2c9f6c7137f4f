using System.Globalization;
using System.Text.Json;

namespace Campaigns.Campaign;

/// <summary>
/// Reads campaign definition JSON into a <see cref="CampaignDefinition"/>, collecting every structural problem with
/// its JSON path instead of stopping at the first. Stage keys and options are checked later by <see cref="CampaignCompiler"/>.
/// </summary>
internal static class DefinitionReader
{
    private static readonly string[] TopLevel = ["id", "name", "audience", "rules", "recommender", "message", "timing", "channel", "schedule", "delivery", "description", "purpose", "trigger", "experiment"];

    public static CampaignDefinition? Read(string json, List<DefinitionError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            errors.Add(new DefinitionError(ex.Path ?? "$", $"not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}): {ex.Message.Split(" Path:")[0]}"));
            return null;
        }

        using (document)
        {
            var root = document.RootElement.Clone();
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new DefinitionError("$", "a campaign definition is a JSON object"));
                return null;
            }
            var o = new JsonObjectReader(root, "$", errors);
            o.RejectUnknown(TopLevel);
            var id = o.String("id", required: true);
            if (id is not null && !CampaignIds.IsValid(id))
                errors.Add(new DefinitionError("$.id", "use lower-case letters, digits and dashes, 1 to 64 characters"));
            var name = o.String("name") ?? id ?? "";
            var audience = Stage(o, "audience", errors);
            var rules = Rules(o, errors);
            var recommender = Recommender(o, errors);
            var message = Message(o, errors);
            var timing = Stage(o, "timing", errors, ["exploration"]);
            var exploration = TimingExploration(o, errors);
            var channel = Stage(o, "channel", errors);
            var schedule = Schedule(o, errors);
            var delivery = DeliveryReader.Read(o, errors);
            var purpose = o.String("purpose") ?? Privacy.CampaignPurposes.Marketing;
            if (!Privacy.CampaignPurposes.IsValid(purpose))
                errors.Add(new DefinitionError("$.purpose", "use one lower-case word (letters and dashes, up to 32), e.g. 'marketing' or 'transactional'"));
            var trigger = Triggers.TriggerReader.Read(o, schedule?.Type ?? "now", errors);
            var experiment = ExperimentReader.Read(o, id, recommender?.Filters, errors);
            if (id is null || audience is null || recommender is null || message is null || timing is null || channel is null || schedule is null)
                return null;
            return new CampaignDefinition(id, name, audience, rules, recommender, message, timing, channel, schedule) { Delivery = delivery, Purpose = purpose, Trigger = trigger, Experiment = experiment, TimingExploration = exploration };
        }
    }

    private static StageReference? Stage(JsonObjectReader parent, string name, List<DefinitionError> errors, string[]? extra = null)
    {
        var o = parent.Object(name, required: true);
        if (o is null) return null;
        o.RejectUnknown(["key", "options", .. extra ?? []]);
        var key = o.String("key", required: true);
        var options = o.Object("options")?.Element;
        return key is null ? null : new StageReference(key, options, o.Path);
    }

    /// <summary><c>timing.exploration</c>: the share of customers sent in a uniformly drawn hour of the window (0 = off), so slot decisions can be evaluated off-policy.</summary>
    private static double? TimingExploration(JsonObjectReader parent, List<DefinitionError> errors)
    {
        // Read beside Stage(), which reports a missing or malformed timing object once.
        if (!parent.Element.TryGetProperty("timing", out var timing) || timing.ValueKind != JsonValueKind.Object
            || !timing.TryGetProperty("exploration", out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var share) && share is >= 0 and <= 1) return share;
        errors.Add(new DefinitionError(parent.Path + ".timing.exploration", "must be a number from 0 (off) to 1: the share of customers sent in a random hour of the window"));
        return null;
    }

    private static List<StageReference> Rules(JsonObjectReader parent, List<DefinitionError> errors)
    {
        var list = new List<StageReference>();
        foreach (var (element, path) in parent.Array("rules"))
        {
            var o = new JsonObjectReader(element, path, errors);
            if (element.ValueKind != JsonValueKind.Object) { errors.Add(new DefinitionError(path, "a rule is an object with a key")); continue; }
            o.RejectUnknown(["key", "options"]);
            var key = o.String("key", required: true);
            if (key is not null) list.Add(new StageReference(key, o.Object("options")?.Element, path));
        }
        return list;
    }

    private static RecommenderReference? Recommender(JsonObjectReader parent, List<DefinitionError> errors)
    {
        var o = parent.Object("recommender", required: true);
        if (o is null) return null;
        o.RejectUnknown(["key", "options", "count", "filters"]);
        var key = o.String("key", required: true);
        var count = o.Int("count") ?? 3;
        if (count is < 1 or > 50) errors.Add(new DefinitionError(o.Path + ".count", "must be between 1 and 50"));
        return key is null ? null : new RecommenderReference(key, o.Object("options")?.Element, o.Path, count, FiltersReader.Read(o, errors));
    }

    private static MessageDefinition? Message(JsonObjectReader parent, List<DefinitionError> errors)
    {
        var o = parent.Object("message", required: true);
        if (o is null) return null;
        o.RejectUnknown(["template", "templateText", "subject", "format"]);
        var template = o.String("template");
        var text = o.String("templateText");
        if (template is null && text is null)
            errors.Add(new DefinitionError(o.Path, "give either 'template' (a file under templates/) or 'templateText'"));
        var format = o.String("format") ?? (template?.Contains(".html", StringComparison.OrdinalIgnoreCase) == true ? "html" : "text");
        if (format is not ("text" or "html")) errors.Add(new DefinitionError(o.Path + ".format", "must be 'text' or 'html'"));
        return new MessageDefinition(template, text, o.String("subject"), format);
    }

    private static ScheduleDefinition? Schedule(JsonObjectReader parent, List<DefinitionError> errors)
    {
        var o = parent.Object("schedule");
        if (o is null) return new ScheduleDefinition("now", null, null, "UTC");
        o.RejectUnknown(["type", "at", "cron", "timeZone"]);
        var type = o.String("type", required: true) ?? "now";
        var zone = o.String("timeZone") ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            errors.Add(new DefinitionError(o.Path + ".timeZone", $"unknown IANA time zone '{zone}'"));
        DateTimeOffset? at = null;
        var atText = o.String("at");
        if (atText is not null)
        {
            if (DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) at = parsed;
            else errors.Add(new DefinitionError(o.Path + ".at", $"'{atText}' is not an ISO 8601 date and time"));
        }
        var cron = o.String("cron");
        switch (type)
        {
            case "now" or "trigger": break;
            case "at" when atText is null: errors.Add(new DefinitionError(o.Path + ".at", "required when type is 'at'")); break;
            case "at": break;
            case "cron" when cron is null: errors.Add(new DefinitionError(o.Path + ".cron", "required when type is 'cron'")); break;
            case "cron":
                if (!Scheduling.CampaignSchedule.TryParseCron(cron, out var why))
                    errors.Add(new DefinitionError(o.Path + ".cron", why));
                break;
            default: errors.Add(new DefinitionError(o.Path + ".type", "must be 'now', 'at', 'cron' or 'trigger'")); break;
        }
        return new ScheduleDefinition(type, at, cron, zone);
    }
}
