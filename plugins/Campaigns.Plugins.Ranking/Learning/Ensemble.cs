namespace Campaigns.Plugins.Ranking.Learning;

/// <summary>
/// The trained rankers of every bag; a candidate's score is their mean. Rankers trained on differently placed label
/// windows (or on different feature samples) make partly independent mistakes, and the mean cancels some of them.
/// </summary>
internal sealed class Ensemble(IReadOnlyList<Ranker> rankers)
{
    /// <summary>How many rankers are averaged.</summary>
    public int Count => rankers.Count;

    /// <summary>The rankers, in bag order (stored in this order).</summary>
    public IReadOnlyList<Ranker> Rankers => rankers;

    /// <summary>The mean score of every row of <paramref name="table"/>, in row order.</summary>
    public double[] Score(FeatureTable table)
    {
        var sum = new double[table.Count];
        foreach (var ranker in rankers)
        {
            var scores = ranker.Score(table);
            for (var r = 0; r < sum.Length; r++) sum[r] += scores[r];
        }
        for (var r = 0; r < sum.Length; r++) sum[r] /= rankers.Count;
        return sum;
    }
}
