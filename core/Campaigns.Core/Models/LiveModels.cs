using Campaigns.Campaign;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Models;

/// <summary>
/// Hands a trainable stage its live model at plan time, so the campaign plans with the version the gate (or a rollback)
/// chose instead of fitting on the spot. A stage without a live version, or whose live artefact it cannot read, fits
/// as before.
/// </summary>
public sealed class LiveModels(IModelRegistry registry, ILogger<LiveModels> logger)
{
    /// <summary>Loads the live model of <paramref name="bound"/> into <paramref name="instance"/>, before its PrepareAsync.</summary>
    /// <returns>The version used, e.g. <c>item-knn v3</c>; null when the stage fits its own model this run.</returns>
    public async Task<string?> LoadAsync(ICampaignStage instance, BoundStage bound, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bound);
        if (instance is not ITrainableStage trainable) return null;
        var live = await registry.GetLiveAsync(bound.Registration.Key, OptionsHash.Of(bound.Options), ct);
        if (live is null) return null;
        try
        {
            trainable.LoadModel(new TrainedModel(live.Format, await registry.GetArtefactAsync(live.Id, ct)));
            return live.Label;
        }
        catch (Exception ex) when (ex is InvalidDataException or ModelException)
        {
            logger.LogError("{Model} is live but cannot be used ({Error}); {Stage} fits its own model for this run", live.Label, ex.Message, bound.Registration.Key);
            return null;
        }
    }
}
