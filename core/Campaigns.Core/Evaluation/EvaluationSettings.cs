using System.Text.Json;

namespace Campaigns.Evaluation;

/// <summary>How to evaluate: the split, the list length and whether items the user already had count.</summary>
/// <param name="Split">How to divide the interactions.</param>
/// <param name="K">List length the metrics look at.</param>
/// <param name="RemoveSeen">
/// True: items the user had in training are removed from the recommendations and from the relevant set ("only items
/// new to the user"). False: a repeat purchase of a training item counts as a hit.
/// </param>
public sealed record EvaluationSettings(SplitSpec Split, int K = 10, bool RemoveSeen = true)
{
    /// <summary>Customers per RecommendAsync call.</summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>
    /// With <see cref="RemoveSeen"/>, a stage is asked for k plus the user's training items (at most this many more),
    /// so that k remain after the seen ones are filtered out.
    /// </summary>
    public int MaxExtraForSeen { get; init; } = 200;

    /// <summary>
    /// True: the training half is split again with the same <see cref="Split"/> and the stages are scored on that
    /// inner split, so options can be chosen without ever reading the test half (stratified splits only).
    /// </summary>
    public bool Validation { get; init; }
}

/// <summary>One algorithm to evaluate: a recommender stage key and, optionally, its options as in a campaign definition.</summary>
/// <param name="Key">The stage key, e.g. <c>most-popular</c>.</param>
/// <param name="Options">The options object; null for the stage's defaults.</param>
public sealed record AlgorithmChoice(string Key, JsonElement? Options = null);

/// <summary>What one algorithm scored; metrics are averages over <see cref="Users"/>.</summary>
/// <param name="Algorithm">The stage key.</param>
/// <param name="K">The list length.</param>
/// <param name="Users">Users evaluated: at least one training interaction and one relevant test item.</param>
/// <param name="Ndcg">Mean nDCG@k.</param>
/// <param name="Precision">Mean precision@k.</param>
/// <param name="Recall">Mean recall@k.</param>
/// <param name="Map">Mean average precision@k.</param>
/// <param name="Hit">Share of users with at least one hit in the top k.</param>
/// <param name="Coverage">Distinct items recommended (top k) over distinct items in training.</param>
/// <param name="TrainSeconds">Time of the stage's PrepareAsync.</param>
/// <param name="RecommendSeconds">Time of all RecommendAsync calls.</param>
public sealed record AlgorithmResult(
    string Algorithm, int K, int Users, double Ndcg, double Precision, double Recall, double Map, double Hit,
    double Coverage, double TrainSeconds, double RecommendSeconds);
