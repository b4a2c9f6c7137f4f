namespace Campaigns.Stages;

/// <summary>What every stage has in common. A stage instance serves one campaign run and is then disposed if disposable.</summary>
public interface ICampaignStage
{
    /// <summary>
    /// Called once before the first batch: load or compute what every batch needs (popularity counts, a model).
    /// Batches may then be processed concurrently, so state built here must be read-only afterwards.
    /// </summary>
    ValueTask PrepareAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
