using Campaigns.Evaluation;

namespace Campaigns.Core.Tests.Evaluation;

/// <summary>The metrics on lists small enough to work out by hand.</summary>
public sealed class RankingMetricsTests
{
    [Fact]
    public void Two_hits_of_three_relevant_in_the_top_three()
    {
        // Hits at ranks 1 and 3: DCG = 1/log2(2) + 1/log2(4) = 1.5; IDCG (3 relevant) = 1 + 1/log2(3) + 0.5.
        var s = RankingMetrics.Score(["a", "b", "c", "d"], new HashSet<string> { "a", "c", "e" }, k: 3);

        Assert.Equal(1.5 / (1.5 + 1 / Math.Log2(3)), s.Ndcg, 12);
        Assert.Equal(0.703918, s.Ndcg, 6);
        Assert.Equal(2.0 / 3, s.Precision, 12);
        Assert.Equal(2.0 / 3, s.Recall, 12);
        // Average precision: (P@1 + P@3) / min(k, |relevant|) = (1 + 2/3) / 3 = 5/9.
        Assert.Equal(5.0 / 9, s.Map, 12);
        Assert.Equal(1, s.Hit);
    }

    [Fact]
    public void A_list_shorter_than_k_is_not_excused_in_precision()
    {
        // One relevant item found at rank 2 of a 2-item list, k = 5: IDCG is one hit at rank 1.
        var s = RankingMetrics.Score(["x", "a"], new HashSet<string> { "a" }, k: 5);

        Assert.Equal(1 / Math.Log2(3), s.Ndcg, 12);
        Assert.Equal(0.2, s.Precision, 12);
        Assert.Equal(1.0, s.Recall, 12);
        Assert.Equal(0.5, s.Map, 12);
        Assert.Equal(1, s.Hit);
    }

    [Fact]
    public void Only_the_top_k_count()
    {
        var s = RankingMetrics.Score(["x", "y", "a"], new HashSet<string> { "a" }, k: 2);

        Assert.Equal(new UserScores(0, 0, 0, 0, 0), s);
    }

    [Fact]
    public void A_perfect_list_scores_one_everywhere_but_precision_when_fewer_relevant_than_k()
    {
        var s = RankingMetrics.Score(["a", "b", "c"], new HashSet<string> { "a", "b" }, k: 3);

        Assert.Equal(1.0, s.Ndcg, 12);
        Assert.Equal(2.0 / 3, s.Precision, 12);
        Assert.Equal(1.0, s.Recall, 12);
        Assert.Equal(1.0, s.Map, 12);
    }
}
