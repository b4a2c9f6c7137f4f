using System.Diagnostics;
using System.Text.Json;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Planning;
using Campaigns.Stages;

namespace Campaigns.Segments;

/// <summary>
/// Runs any audience stage with the given options and reports its size and the first customers, with the profile
/// fields the options' expression names (if any). Powers <c>segment preview</c> and the dashboard's preview form. A
/// trainable audience (<c>kmeans-segment</c>, <c>propensity-segment</c>) previews with its live model when the registry
/// has one for these options, exactly as a campaign run would plan with it; without one it trains for this preview.
/// </summary>
public sealed class SegmentPreview(StageRegistry stages, StageContextFactory contexts, IProfileReader profiles, Models.LiveModels models)
{
    /// <summary>Default number of sample members.</summary>
    public const int DefaultSample = 20;

    /// <summary>Previews the audience <paramref name="stageKey"/> bound to <paramref name="options"/>.</summary>
    /// <exception cref="CampaignDefinitionException">Unknown stage or invalid options; every problem has a path under <c>$.audience</c>.</exception>
    public async Task<SegmentPreviewResult> PreviewAsync(string stageKey, JsonElement? options, int sampleSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 0);
        var errors = new List<DefinitionError>();
        if (!stages.TryGet(StageKind.Audience, stageKey ?? "", out var registration))
            throw new CampaignDefinitionException([new DefinitionError("$.audience.key", $"no audience stage '{stageKey}' is loaded")]);
        var bound = StageOptionsBinder.Bind(registration.OptionsType, options, "$.audience", errors);
        if (bound is null) throw new CampaignDefinitionException(errors);

        var watch = Stopwatch.StartNew();
        var run = new CampaignRunInfo("segment-preview", 0, "preview");
        var stage = (IAudienceStage)registration.Create(contexts.Create(run, registration), bound);
        var size = 0L;
        var sample = new List<Customer>(sampleSize);
        string? model;
        try
        {
            model = await models.LoadAsync(stage, new BoundStage(registration, bound), cancellationToken);
            await stage.PrepareAsync(cancellationToken);
            await foreach (var batch in stage.SelectAsync(new AudienceRequest(2_000), cancellationToken))
            {
                size += batch.Count;
                sample.AddRange(batch.Take(sampleSize - sample.Count));
            }
        }
        finally
        {
            await StageDisposal.DisposeAsync(stage);
        }
        var fields = ProfileFieldValues.NamedIn(options);
        var byId = (await profiles.GetManyAsync([.. sample.Select(c => c.Id)], cancellationToken)).ToDictionary(p => p.CustomerId, StringComparer.Ordinal);
        var members = sample.Select(c => new SegmentMember(c.Id,
            byId.TryGetValue(c.Id, out var p) ? ProfileFieldValues.Of(p, fields) : new Dictionary<string, object?>())).ToArray();
        return new SegmentPreviewResult(stageKey!, size, members, fields, watch.Elapsed)
        {
            Model = model,
            ModelSource = model is not null ? PreviewModelSource.Live : stage is ITrainableStage ? PreviewModelSource.TrainedForPreview : PreviewModelSource.None,
        };
    }
}

/// <summary>The outcome of a preview.</summary>
/// <param name="Stage">The audience stage's key.</param>
/// <param name="Size">How many customers the audience holds.</param>
/// <param name="Sample">The first members, with the profile fields the expression names.</param>
/// <param name="Fields">The profile fields shown per member.</param>
/// <param name="Elapsed">How long the preview took.</param>
public sealed record SegmentPreviewResult(string Stage, long Size, IReadOnlyList<SegmentMember> Sample, IReadOnlyList<string> Fields, TimeSpan Elapsed)
{
    /// <summary>The registry version the audience used (<c>kmeans-segment v2</c>); null when it trained for this preview or learns nothing.</summary>
    public string? Model { get; init; }

    /// <summary>Where the audience's model came from: a <see cref="PreviewModelSource"/> value.</summary>
    public string ModelSource { get; init; } = PreviewModelSource.None;
}

/// <summary>Where a preview's model came from, as the API reports it.</summary>
public static class PreviewModelSource
{
    /// <summary>The live version in the model registry: what a campaign with these options plans with.</summary>
    public const string Live = "live";

    /// <summary>No live version for these options: the model was trained for this preview (seconds to a minute).</summary>
    public const string TrainedForPreview = "trained for this preview";

    /// <summary>The audience learns no model (a rule, active customers).</summary>
    public const string None = "none";
}

/// <summary>One sample member.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Fields">Profile field values by field name (empty when the customer has no profile).</param>
public sealed record SegmentMember(string CustomerId, IReadOnlyDictionary<string, object?> Fields);
