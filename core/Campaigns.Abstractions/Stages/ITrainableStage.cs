namespace Campaigns.Stages;

/// <summary>
/// Since contract 1.3, optional: a stage whose model can be trained apart from a campaign run, kept as a versioned
/// artefact by the host and handed back at plan time. The host discovers the feature by type test (as Hangfire discovers
/// optional <c>JobStorage</c> features), so a stage without it keeps fitting in <see cref="ICampaignStage.PrepareAsync"/>.
/// </summary>
/// <remarks>
/// To train, the host builds the stage over readers that see only the data window and a clock stopped at its end, then
/// calls <see cref="TrainAsync"/>. To use a model, the host calls <see cref="LoadModel"/> before
/// <see cref="ICampaignStage.PrepareAsync"/>; a stage with a loaded model must not fit again there. The host measures the
/// model's quality itself (the stage's <see cref="TrainedModel.Stats"/> are shown, never trusted for deployment).
/// </remarks>
public interface ITrainableStage : ICampaignStage
{
    /// <summary>Fits the model on the events of the request's window and returns it as an artefact.</summary>
    Task<TrainedModel> TrainAsync(TrainingRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Uses <paramref name="model"/> (an artefact this stage's <see cref="TrainAsync"/> made, perhaps in another process
    /// or version of the plugin) instead of fitting. Throws <see cref="InvalidDataException"/> for an artefact of
    /// another format, so the host can report it and fall back to fitting.
    /// </summary>
    void LoadModel(TrainedModel model);
}

/// <summary>What to train on.</summary>
/// <param name="DataFrom">Inclusive start of the data window.</param>
/// <param name="DataUntil">Exclusive end of the data window; the stage's clock reads this instant while it trains.</param>
public sealed record TrainingRequest(DateTimeOffset DataFrom, DateTimeOffset DataUntil);

/// <summary>A trained model as the host stores it.</summary>
/// <param name="Format">The artefact's format and its version, e.g. <c>item-knn/1</c>; checked by <see cref="ITrainableStage.LoadModel"/>.</param>
/// <param name="Artefact">The serialized model.</param>
public sealed record TrainedModel(string Format, byte[] Artefact)
{
    /// <summary>Figures the stage reports about itself (items, customers, fitted parameters), shown beside the host's metrics.</summary>
    public IReadOnlyDictionary<string, double> Stats { get; init; } = new Dictionary<string, double>();
}
