using System.Diagnostics;
using System.Text.Json;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Planning;
using Campaigns.Stages;

namespace Campaigns.Segments;

/// <summary>
/// Runs any audience stage with the given options and reports its size and the first customers, with the profile
/// fields the options' expression names (if any). Powers <c>segment preview</c> and the dashboard's preview form.
/// </summary>
public sealed class SegmentPreview(StageRegistry stages, StageContextFactory contexts, IProfileReader profiles)
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
        try
        {
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
        return new SegmentPreviewResult(stageKey!, size, members, fields, watch.Elapsed);
    }
}

/// <summary>The outcome of a preview.</summary>
/// <param name="Stage">The audience stage's key.</param>
/// <param name="Size">How many customers the audience holds.</param>
/// <param name="Sample">The first members, with the profile fields the expression names.</param>
/// <param name="Fields">The profile fields shown per member.</param>
/// <param name="Elapsed">How long the preview took.</param>
public sealed record SegmentPreviewResult(string Stage, long Size, IReadOnlyList<SegmentMember> Sample, IReadOnlyList<string> Fields, TimeSpan Elapsed);

/// <summary>One sample member.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Fields">Profile field values by field name (empty when the customer has no profile).</param>
public sealed record SegmentMember(string CustomerId, IReadOnlyDictionary<string, object?> Fields);
