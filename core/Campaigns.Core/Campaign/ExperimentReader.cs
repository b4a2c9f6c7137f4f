using System.Text.Json;

namespace Campaigns.Campaign;

/// <summary>Reads and validates a campaign's <c>experiment</c> block, each problem with its JSON path.</summary>
internal static class ExperimentReader
{
    private static readonly string[] Known = ["id", "variants", "holdout", "allocation"];
    private static readonly string[] VariantKnown = ["name", "weight", "subject", "template", "templateText", "recommender", "timing"];

    public static ExperimentDefinition? Read(JsonObjectReader campaign, string? campaignId, RecommendationFilters? filters, List<DefinitionError> errors)
    {
        var o = campaign.Object("experiment");
        if (o is null) return null;
        o.RejectUnknown(Known);
        var id = o.String("id") ?? campaignId ?? "";
        if (o.Element.TryGetProperty("id", out _) && !CampaignIds.IsValid(id))
            errors.Add(new DefinitionError(o.Path + ".id", "use lower-case letters, digits and dashes, 1 to 64 characters"));
        var variants = Variants(o, filters, errors);
        var holdout = Holdout(o, errors);
        var allocation = Allocation(o, variants.Count, errors);
        return new ExperimentDefinition(id, variants, holdout, allocation);
    }

    private static List<VariantDefinition> Variants(JsonObjectReader experiment, RecommendationFilters? filters, List<DefinitionError> errors)
    {
        var list = new List<VariantDefinition>();
        var entries = experiment.Array("variants").ToList();
        if (!experiment.Element.TryGetProperty("variants", out _))
            return [new VariantDefinition(ExperimentDefinition.DefaultVariant, 1, null, null, null, null, null, experiment.Path)];
        if (entries.Count == 0) errors.Add(new DefinitionError(experiment.Path + ".variants", "list at least one variant"));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (element, path) in entries)
        {
            if (element.ValueKind != JsonValueKind.Object) { errors.Add(new DefinitionError(path, "a variant is an object with a name")); continue; }
            var o = new JsonObjectReader(element, path, errors);
            o.RejectUnknown(VariantKnown);
            var name = o.String("name", required: true);
            if (name is not null && !VariantNames.IsValid(name))
                errors.Add(new DefinitionError(path + ".name", $"'{name}' is not a variant name: use letters, digits, '-' and '_', 1 to 32 characters, not '{ExperimentDefinition.Holdout}'"));
            else if (name is not null && !names.Add(name))
                errors.Add(new DefinitionError(path + ".name", $"another variant is already named '{name}'"));
            var weight = (double)(o.Decimal("weight") ?? 1m);
            if (weight <= 0) errors.Add(new DefinitionError(path + ".weight", "must be more than 0"));
            var template = o.String("template");
            var text = o.String("templateText");
            if (template is not null && text is null)
                errors.Add(new DefinitionError(path + ".template", $"template '{template}' was not resolved to text"));
            list.Add(new VariantDefinition(name ?? "", weight, o.String("subject"), template, text, Recommender(o, filters, errors), Timing(o), path));
        }
        return list;
    }

    private static RecommenderReference? Recommender(JsonObjectReader variant, RecommendationFilters? filters, List<DefinitionError> errors)
    {
        var o = variant.Object("recommender");
        if (o is null) return null;
        o.RejectUnknown(["key", "options", "count"]);
        var key = o.String("key", required: true);
        var count = o.Int("count") ?? 3;
        if (count is < 1 or > 50) errors.Add(new DefinitionError(o.Path + ".count", "must be between 1 and 50"));
        return key is null ? null : new RecommenderReference(key, o.Object("options")?.Element, o.Path, count, filters);
    }

    private static StageReference? Timing(JsonObjectReader variant)
    {
        var o = variant.Object("timing");
        if (o is null) return null;
        o.RejectUnknown(["key", "options"]);
        var key = o.String("key", required: true);
        return key is null ? null : new StageReference(key, o.Object("options")?.Element, o.Path);
    }

    private static double Holdout(JsonObjectReader experiment, List<DefinitionError> errors)
    {
        var o = experiment.Object("holdout");
        if (o is null) return 0;
        o.RejectUnknown(["percent"]);
        var percent = (double)(o.Decimal("percent") ?? 0m);
        if (percent is < 0 or > 50) errors.Add(new DefinitionError(o.Path + ".percent", "must be between 0 and 50"));
        return percent;
    }

    private static AllocationDefinition Allocation(JsonObjectReader experiment, int arms, List<DefinitionError> errors)
    {
        var o = experiment.Object("allocation");
        if (o is null) return AllocationDefinition.Split;
        o.RejectUnknown(["type", "reward", "explorationFloor", "updateEveryHours", "bySegment"]);
        var type = o.String("type") ?? "split";
        if (type is not ("split" or "thompson")) errors.Add(new DefinitionError(o.Path + ".type", "must be 'split' or 'thompson'"));
        if (type == "thompson" && arms < 2) errors.Add(new DefinitionError(o.Path + ".type", "Thompson sampling needs at least two variants"));
        var reward = o.String("reward") ?? "click";
        if (reward is not ("click" or "conversion")) errors.Add(new DefinitionError(o.Path + ".reward", "must be 'click' or 'conversion'"));
        var floor = (double)(o.Decimal("explorationFloor") ?? 0.05m);
        if (floor < 0 || floor * Math.Max(arms, 1) > 1)
            errors.Add(new DefinitionError(o.Path + ".explorationFloor", $"must be at least 0, and {floor} × {arms} variants may not exceed 1"));
        var every = o.Int("updateEveryHours") ?? 24;
        if (every is < 1 or > 24 * 366) errors.Add(new DefinitionError(o.Path + ".updateEveryHours", "must be between 1 and 8784"));
        var segment = o.String("bySegment");
        if (segment is not null && type != "thompson") errors.Add(new DefinitionError(o.Path + ".bySegment", "only Thompson sampling allocates per segment"));
        return new AllocationDefinition(type, reward, floor, every, segment);
    }
}
