using System.Text.Json;
using Campaigns.Campaign;
using Campaigns.Planning;
using Campaigns.Stages;

namespace Campaigns.Segments;

/// <summary>
/// Builds an audience stage by key with the options a marketer gives (bound and validated as in a campaign definition)
/// and asks it to describe the segments it chooses from, for the <c>segments</c> command and its HTTP endpoint.
/// </summary>
public sealed class SegmentInsightsService(StageRegistry registry, StageContextFactory contexts)
{
    /// <summary>The report of audience <paramref name="key"/> with <paramref name="options"/> (null: its defaults).</summary>
    /// <exception cref="SegmentInsightsException">The key is unknown, has no report, its options are invalid, or it could not compute the segments.</exception>
    public async Task<SegmentReport> DescribeAsync(string key, JsonElement? options, CancellationToken cancellationToken)
    {
        if (!registry.TryGet(StageKind.Audience, key, out var registration))
        {
            var known = registry.All.Where(s => s.Kind == StageKind.Audience).Select(s => s.Key);
            throw new SegmentInsightsException($"no audience stage has the key '{key}' (loaded: {string.Join(", ", known)})");
        }
        var errors = new List<DefinitionError>();
        var bound = StageOptionsBinder.Bind(registration.OptionsType, options, key, errors);
        if (bound is null) throw new SegmentInsightsException(string.Join(Environment.NewLine, errors.Select(e => $"{e.Path}: {e.Message}")));

        var context = contexts.Create(new CampaignRunInfo("segments", 0, "describe"), registration);
        var stage = registration.Create(context, bound);
        try
        {
            if (stage is not ISegmentInsights insights) throw new SegmentInsightsException($"audience '{key}' does not describe its segments");
            return await insights.DescribeAsync(cancellationToken);
        }
        // A stage reports data it cannot work with (too little history, an unknown cluster) as InvalidOperationException.
        catch (InvalidOperationException ex)
        {
            throw new SegmentInsightsException(ex.Message, ex);
        }
        finally
        {
            await StageDisposal.DisposeAsync(stage);
        }
    }
}

/// <summary>A segment report could not be made; the message says why, in words a marketer can act on.</summary>
public sealed class SegmentInsightsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SegmentInsightsException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public SegmentInsightsException(string message, Exception inner) : base(message, inner) { }
}
