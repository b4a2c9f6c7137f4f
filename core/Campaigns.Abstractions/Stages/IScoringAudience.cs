namespace Campaigns.Stages;

/// <summary>
/// Since contract 1.3 (added compatibly with audience models), optional: a trainable audience whose loaded model can say
/// what it thinks of every customer, so the host can measure the model on a hold-out itself, as it measures a
/// recommender by its lists. The stage reports, the host judges: it never reads a quality figure from the plugin.
/// </summary>
/// <remarks>
/// The host builds the stage over the round's readers with a loaded model, then calls <see cref="ScoreCustomersAsync"/>
/// instead of <see cref="ICampaignStage.PrepareAsync"/>. A stage answers with probabilities (the host computes the AUC
/// of the outcome they predict) or with cluster assignments and the points they were assigned from (the host computes
/// how well separated the clusters are).
/// </remarks>
public interface IScoringAudience : ITrainableStage, IAudienceStage
{
    /// <summary>What the loaded model says about every customer it can score now (the stage's clock).</summary>
    Task<AudienceScores> ScoreCustomersAsync(CancellationToken cancellationToken);
}

/// <summary>A model's view of every customer it scored, in one order.</summary>
/// <param name="CustomerIds">The customers, each once.</param>
public sealed record AudienceScores(IReadOnlyList<string> CustomerIds)
{
    /// <summary>For a predictive audience: each customer's probability of the <see cref="Outcome"/>, in <see cref="CustomerIds"/> order.</summary>
    public IReadOnlyList<double>? Probabilities { get; init; }

    /// <summary>What the probabilities predict, within <see cref="HorizonDays"/> of the stage's clock.</summary>
    public PredictedOutcome Outcome { get; init; } = PredictedOutcome.Purchase;

    /// <summary>Days ahead the probabilities are about.</summary>
    public int HorizonDays { get; init; }

    /// <summary>For a clustering audience: each customer's cluster (0-based), in <see cref="CustomerIds"/> order.</summary>
    public IReadOnlyList<int>? Clusters { get; init; }

    /// <summary>For a clustering audience: the point each customer was assigned from (the model's scaled features), in <see cref="CustomerIds"/> order.</summary>
    public IReadOnlyList<float[]>? Points { get; init; }
}

/// <summary>What a predictive audience's probabilities are about.</summary>
public enum PredictedOutcome
{
    /// <summary>The customer buys within the horizon.</summary>
    Purchase,

    /// <summary>The customer does not buy within the horizon (churn).</summary>
    NoPurchase,
}
