using Campaigns.Message;
using Campaigns.Scheduling;
using Campaigns.Stages;

namespace Campaigns.Campaign;

/// <summary>
/// Validates a campaign definition against the loaded stages and compiles it. Every problem is reported at once,
/// each with its JSON path: unknown stage keys (naming the key and what is available), bad options, template errors.
/// </summary>
public sealed class CampaignCompiler(StageRegistry registry, TemplateLimits limits)
{
    /// <summary>Compiles a definition (whose template text is resolved) or throws with every error.</summary>
    /// <exception cref="CampaignDefinitionException">The definition is invalid.</exception>
    public CompiledCampaign Compile(string definitionJson, int version)
    {
        var errors = new List<DefinitionError>();
        var compiled = TryCompile(definitionJson, version, errors);
        if (compiled is null || errors.Count > 0) throw new CampaignDefinitionException(errors);
        return compiled;
    }

    /// <summary>Every problem of a definition; empty when it compiles.</summary>
    public IReadOnlyList<DefinitionError> Validate(string definitionJson)
    {
        var errors = new List<DefinitionError>();
        var compiled = TryCompile(definitionJson, 0, errors);
        foreach (var template in compiled?.Variants.Select(v => v.Template).Append(compiled.Template).Distinct() ?? []) template.Dispose();
        return errors;
    }

    private CompiledCampaign? TryCompile(string json, int version, List<DefinitionError> errors)
    {
        var definition = DefinitionReader.Read(json, errors);
        if (definition is null) return null;
        var audience = Bind(StageKind.Audience, definition.Audience, errors);
        var rules = definition.Rules.Select(r => Bind(StageKind.Rule, r, errors)).ToList();
        var recommender = Bind(StageKind.Recommender, definition.Recommender, errors);
        var timing = Bind(StageKind.SendTime, definition.Timing, errors);
        var channel = Bind(StageKind.Channel, definition.Channel, errors);
        var template = CompileTemplate(definition, errors);
        if (errors.Count > 0 || audience is null || recommender is null || timing is null || channel is null || template is null || rules.Any(r => r is null))
        {
            // Still check the variants' stages, so that one validation lists every problem.
            foreach (var variant in definition.Experiment?.Variants ?? [])
            {
                if (variant.Recommender is not null) Bind(StageKind.Recommender, variant.Recommender, errors);
                if (variant.Timing is not null) Bind(StageKind.SendTime, variant.Timing, errors);
            }
            template?.Dispose();
            return null;
        }
        var schedule = new CampaignSchedule(definition.Schedule);
        if (definition.Experiment is null)
            return new CompiledCampaign(definition, version, audience, rules!, recommender, timing, channel, template, schedule);
        var shared = new CompiledVariant(null, 1, recommender, definition.Recommender, timing, definition.Timing.Key, template);
        var variants = definition.Experiment.Variants.Select(v => CompileVariant(definition, shared, v, errors)).ToList();
        if (errors.Count == 0 && variants.All(v => v is not null))
            return new CompiledCampaign(definition, version, audience, rules!, recommender, timing, channel, template, schedule) { Variants = variants! };
        foreach (var own in variants.OfType<CompiledVariant>().Select(v => v.Template).Where(t => t != template)) own.Dispose();
        template.Dispose();
        return null;
    }

    // Every override is validated like the campaign's own stage; whatever a variant does not override it shares with
    // the campaign (the same bound stage and compiled template), so a planning run prepares each stage once.
    private CompiledVariant? CompileVariant(CampaignDefinition definition, CompiledVariant campaign, VariantDefinition variant, List<DefinitionError> errors)
    {
        var recommender = variant.Recommender is null ? campaign.Recommender : Bind(StageKind.Recommender, variant.Recommender, errors);
        var timing = variant.Timing is null ? campaign.Timing : Bind(StageKind.SendTime, variant.Timing, errors);
        var template = campaign.Template;
        if (variant.TemplateText is not null || variant.Subject is not null)
        {
            var message = definition.Message;
            template = MessageTemplate.Compile(variant.TemplateText ?? message.TemplateText!, variant.Subject ?? message.Subject, message.Format == "html",
                $"{definition.Id}#{variant.Name}", limits, out var templateErrors);
            var path = variant.Path + (variant.TemplateText is null ? ".subject" : variant.Template is null ? ".templateText" : ".template");
            errors.AddRange(templateErrors.Select(e => new DefinitionError(path, e)));
        }
        if (recommender is null || timing is null || template is null) return null;
        return new CompiledVariant(variant.Name, variant.Weight, recommender, variant.Recommender ?? definition.Recommender, timing,
            variant.Timing?.Key ?? definition.Timing.Key, template);
    }

    private BoundStage? Bind(StageKind kind, StageReference reference, List<DefinitionError> errors)
    {
        if (!registry.TryGet(kind, reference.Key, out var registration))
        {
            var available = registry.All.Where(s => s.Kind == kind).Select(s => s.Key).ToList();
            errors.Add(new DefinitionError(reference.Path + ".key",
                $"no loaded plugin provides a {Describe(kind)} stage '{reference.Key}' (available: {(available.Count == 0 ? "none" : string.Join(", ", available))})"));
            return null;
        }
        var options = StageOptionsBinder.Bind(registration.OptionsType, reference.Options, reference.Path, errors);
        return options is null ? null : new BoundStage(registration, options);
    }

    private MessageTemplate? CompileTemplate(CampaignDefinition definition, List<DefinitionError> errors)
    {
        var message = definition.Message;
        if (message.TemplateText is null)
        {
            errors.Add(new DefinitionError("$.message.template", $"template '{message.Template}' was not resolved to text"));
            return null;
        }
        var template = MessageTemplate.Compile(message.TemplateText, message.Subject, message.Format == "html",
            message.Template ?? definition.Id, limits, out var templateErrors);
        errors.AddRange(templateErrors.Select(e => new DefinitionError(message.Template is null ? "$.message.templateText" : "$.message.template", e)));
        return template;
    }

    private static string Describe(StageKind kind) => kind switch
    {
        StageKind.Audience => "audience",
        StageKind.Rule => "rule",
        StageKind.Recommender => "recommender",
        StageKind.SendTime => "timing",
        _ => "channel",
    };
}
