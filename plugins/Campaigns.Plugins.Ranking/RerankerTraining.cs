using Campaigns.Plugins.Ranking.Features;
using Campaigns.Plugins.Ranking.Learning;
using Campaigns.Stages;

namespace Campaigns.Plugins.Ranking;

/// <summary>
/// The reranker as a trainable stage (<see cref="ITrainableStage"/>): what is stored is every bag's LightGBM trees and the
/// version of the features they read. With a stored model, <see cref="PrepareAsync"/> skips the label windows and the
/// training; the candidate sources and the customers' history are still built from the data at every run.
/// </summary>
internal sealed partial class RerankerStage : ITrainableStage
{
    private StoredRanker? _stored;

    /// <inheritdoc />
    public async Task<TrainedModel> TrainAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        // The host's readers already see only the window and the clock reads its end, so fitting is what PrepareAsync does.
        (_stored, _model) = (null, null);
        await PrepareAsync(cancellationToken);
        var rankers = _model!.Rankers;
        _stored = new StoredRanker(rankers);
        return new TrainedModel(Ranker.Format, Ranker.Write(rankers, Features))
        {
            Stats = new Dictionary<string, double> { ["customers"] = _model.History.Log.Customers.Count, ["rankers"] = rankers?.Count ?? 0 },
        };
    }

    /// <inheritdoc />
    public void LoadModel(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Format != Ranker.Format) throw new InvalidDataException($"reranker reads models of format {Ranker.Format}, not {model.Format}");
        (_stored, _model) = (new StoredRanker(Ranker.Read(model.Artefact, Features)), null);
    }

    private int Features => FeatureVector.Length(_serving.SourceCount);

    /// <summary>A trained or loaded model (every bag's ranker); null inside when there was nothing to learn (candidates keep their merge order).</summary>
    private sealed record StoredRanker(Ensemble? Model);
}
