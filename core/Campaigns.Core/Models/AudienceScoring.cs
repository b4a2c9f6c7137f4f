using Campaigns.Data;
using Campaigns.Evaluation;
using Campaigns.Stages;

namespace Campaigns.Models;

/// <summary>
/// The host's own measure of an audience model (<see cref="IScoringAudience"/>): the stage loads the artefact and says
/// what it makes of every customer; the host judges it against what customers did. Predictive audiences by the AUC of
/// "bought within the horizon" in the hold-out, for customers known before it; clustering audiences by how well their
/// clusters separate the customers as they are at the end of the hold-out (1 / Davies-Bouldin, higher is better).
/// </summary>
/// <param name="stages">Builds the stage over given readers and clock, as for every other kind of stage.</param>
/// <param name="key">The stage's key, for messages.</param>
/// <param name="data">The round's events.</param>
internal sealed class AudienceScoring(HoldoutScoring stages, string key, RoundData data)
{
    /// <summary>Predictive audiences: area under the ROC curve of the predicted outcome on the hold-out.</summary>
    public const string PropensityMetric = "auc";

    /// <summary>Clustering audiences: 1 / Davies-Bouldin index of the clusters at the end of the hold-out.</summary>
    public const string ClusterMetric = "separation";

    /// <summary>The gate metric's name and every metric of <paramref name="model"/>, measured on the round's hold-out.</summary>
    /// <exception cref="ModelException">The stage cannot be measured, or the hold-out has nothing to measure.</exception>
    public async Task<(string GateMetric, Dictionary<string, double> Metrics)> ScoreAsync(TrainedModel model, CancellationToken ct)
    {
        // Predictions are made where the hold-out starts, from everything before it; the truth is the hold-out itself.
        var scores = await ScoreAtAsync(model, endOfHoldout: false, ct);
        if (scores.Probabilities is { } probabilities) return (PropensityMetric, Propensity(scores, probabilities));
        if (scores.Clusters is null || scores.Points is null)
            throw new ModelException($"{key} scored its customers with neither probabilities nor clusters: nothing the host can measure");
        // Clusters are judged on data they never saw: every customer as they are once the hold-out has passed.
        var later = await ScoreAtAsync(model, endOfHoldout: true, ct);
        if (later.Clusters is not { Count: > 0 } clusters || later.Points is not { } points)
            throw new ModelException($"{key}: no customer to put into clusters at {data.Window.Until:u}: nothing to measure");
        return (ClusterMetric, ClusterSeparation.Measure(clusters, points));
    }

    private async Task<AudienceScores> ScoreAtAsync(TrainedModel model, bool endOfHoldout, CancellationToken ct)
    {
        var readers = endOfHoldout ? new TrainingData([.. data.History, .. data.Holdout], data.Items, data.Customers) : data.Readers(window: false, itemsOnly: false);
        var instance = stages.NewStage(readers, endOfHoldout ? data.Window.Until : data.Window.HoldoutFrom);
        try
        {
            if (instance is not IScoringAudience audience)
                throw new ModelException($"{key} cannot be measured: its plugin does not implement IScoringAudience, so the host cannot see what its model makes of customers");
            audience.LoadModel(model);
            return await audience.ScoreCustomersAsync(ct);
        }
        finally
        {
            await StageDisposal.DisposeAsync(instance);
        }
    }

    private Dictionary<string, double> Propensity(AudienceScores scores, IReadOnlyList<double> probabilities)
    {
        // The label window is the horizon the model predicts, cut to the hold-out when that is shorter.
        var labelDays = Math.Min(scores.HorizonDays > 0 ? scores.HorizonDays : int.MaxValue, (data.Window.Until - data.Window.HoldoutFrom).TotalDays);
        var until = data.Window.HoldoutFrom.AddDays(labelDays);
        var buyers = data.Holdout.Where(e => e.Type == InteractionTypes.Purchase && e.OccurredAt < until).Select(e => e.CustomerId).ToHashSet(StringComparer.Ordinal);
        var labels = scores.CustomerIds.Select(id => buyers.Contains(id) == (scores.Outcome == PredictedOutcome.Purchase)).ToArray();
        var positives = labels.Count(l => l);
        if (positives == 0 || positives == labels.Length)
            throw new ModelException($"{key}: all {labels.Length:N0} customers scored before {data.Window.HoldoutFrom:u} had the same outcome in the hold-out: nothing to measure an AUC on; widen HoldoutDays");
        return new Dictionary<string, double>
        {
            [PropensityMetric] = RankQuality.Auc(probabilities, labels),
            ["lift@10%"] = RankQuality.LiftAt(probabilities, labels, 0.1),
            ["holdout-customers"] = labels.Length,
            ["positive-rate"] = positives / (double)labels.Length,
            ["label-days"] = labelDays,
        };
    }
}
