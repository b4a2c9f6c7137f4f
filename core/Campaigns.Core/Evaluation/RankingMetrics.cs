namespace Campaigns.Evaluation;

/// <summary>The top-k scores of one user's list, with binary relevance.</summary>
/// <param name="Ndcg">DCG / IDCG: DCG = Σ rel_i / log2(i+1) over ranks i = 1..k; IDCG over min(k, |relevant|) ranks.</param>
/// <param name="Precision">hits / k (a list shorter than k is not excused).</param>
/// <param name="Recall">hits / |relevant|.</param>
/// <param name="Map">Average precision: Σ precision@i · rel_i / min(k, |relevant|).</param>
/// <param name="Hit">1 when any of the top k is relevant, else 0.</param>
public readonly record struct UserScores(double Ndcg, double Precision, double Recall, double Map, double Hit);

/// <summary>Ranking metrics at k for one user.</summary>
public static class RankingMetrics
{
    /// <summary>Scores the first <paramref name="k"/> of <paramref name="ranked"/> (best first, no duplicates) against <paramref name="relevant"/> (not empty).</summary>
    public static UserScores Score(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfZero(relevant.Count, nameof(relevant));
        double dcg = 0, precisionSum = 0;
        var hits = 0;
        var depth = Math.Min(k, ranked.Count);
        for (var i = 0; i < depth; i++)
        {
            if (!relevant.Contains(ranked[i])) continue;
            hits++;
            dcg += 1 / Math.Log2(i + 2);
            precisionSum += (double)hits / (i + 1);
        }
        var ideal = Math.Min(k, relevant.Count);
        double idcg = 0;
        for (var i = 0; i < ideal; i++) idcg += 1 / Math.Log2(i + 2);
        return new UserScores(dcg / idcg, (double)hits / k, (double)hits / relevant.Count, precisionSum / ideal, hits > 0 ? 1 : 0);
    }
}
