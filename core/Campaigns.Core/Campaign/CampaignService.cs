using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Storage;

namespace Campaigns.Campaign;

/// <summary>
/// Saves campaign definitions as new versions (with their template text frozen into the version) and hands out
/// compiled pipelines, compiled once per version.
/// </summary>
public sealed class CampaignService(ICampaignStore store, CampaignCompiler compiler, TemplateFolder templates)
{
    private readonly ConcurrentDictionary<(string, int), CompiledCampaign> _compiled = new();

    /// <summary>Raised after a definition is stored on this host (the trigger cache reloads).</summary>
    public event Action<StoredCampaign>? Saved;

    /// <summary>Validates and stores a definition; returns the stored version (unchanged content keeps its version).</summary>
    /// <exception cref="CampaignDefinitionException">Every problem, with JSON paths; nothing is stored.</exception>
    public async Task<StoredCampaign> SaveAsync(string definitionJson, CancellationToken cancellationToken)
    {
        var resolved = ResolveTemplate(definitionJson);
        var errors = compiler.Validate(resolved);
        if (errors.Count > 0) throw new CampaignDefinitionException(errors);
        var id = JsonNode.Parse(resolved)!["id"]!.GetValue<string>();
        var stored = await store.SaveAsync(id, resolved, cancellationToken);
        Saved?.Invoke(stored);
        return stored;
    }

    /// <summary>Every problem of a definition (after resolving its template file); empty when valid.</summary>
    public IReadOnlyList<DefinitionError> Validate(string definitionJson)
    {
        try
        {
            return compiler.Validate(ResolveTemplate(definitionJson));
        }
        catch (CampaignDefinitionException ex)
        {
            return ex.Errors;
        }
    }

    /// <summary>The compiled pipeline of one stored version.</summary>
    public async Task<CompiledCampaign> GetCompiledAsync(string campaignId, int version, CancellationToken cancellationToken)
    {
        if (_compiled.TryGetValue((campaignId, version), out var compiled)) return compiled;
        var stored = await store.GetAsync(campaignId, version, cancellationToken)
            ?? throw new KeyNotFoundException($"campaign '{campaignId}' has no version {version}");
        return _compiled.GetOrAdd((campaignId, version), _ => compiler.Compile(stored.DefinitionJson, version));
    }

    /// <summary>The compiled pipeline of the newest version, or null when the campaign is unknown.</summary>
    public async Task<CompiledCampaign?> GetLatestCompiledAsync(string campaignId, CancellationToken cancellationToken)
    {
        var latest = await store.GetLatestAsync(campaignId, cancellationToken);
        return latest is null ? null : await GetCompiledAsync(campaignId, latest.Version, cancellationToken);
    }

    // The template file's text is copied into the stored definition: a version then means one exact message, and
    // editing the file makes the next save a new version instead of silently changing a running campaign.
    private string ResolveTemplate(string definitionJson)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(definitionJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return definitionJson; // the reader reports the syntax error with its position
        }
        if (root is not JsonObject campaign) return definitionJson;
        var resolved = Resolve(campaign["message"], "$.message.template");
        if (campaign["experiment"] is JsonObject { } experiment && experiment["variants"] is JsonArray variants)
            for (var i = 0; i < variants.Count; i++) resolved |= Resolve(variants[i], $"$.experiment.variants[{i}].template");
        if (!resolved) return definitionJson;
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private bool Resolve(JsonNode? holder, string errorPath)
    {
        if (holder is not JsonObject message || message["template"] is not JsonValue pathValue || !pathValue.TryGetValue<string>(out var path))
            return false;
        var text = templates.TryRead(path, out var error) ?? throw new CampaignDefinitionException([new DefinitionError(errorPath, error)]);
        message["templateText"] = text;
        return true;
    }
}
