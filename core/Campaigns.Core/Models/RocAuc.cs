namespace Campaigns.Models;

/// <summary>How well scores rank the customers who did it above those who did not.</summary>
internal static class RocAuc
{
    /// <summary>
    /// The probability that a random positive scores above a random negative (ties count half): the Mann-Whitney
    /// statistic over average ranks. 0.5 is a coin; 1 a perfect ranking.
    /// </summary>
    public static double Of(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            // Tied scores share the mean of their ranks (1-based).
            var rank = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++)
                if (labels[order[i]]) { rankSum += rank; positives++; }
            start = end + 1;
        }
        var negatives = order.Length - positives;
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }

    /// <summary>The positive rate among the top <paramref name="share"/> by score, over the positive rate of all.</summary>
    public static double LiftAtTop(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double share)
    {
        var take = Math.Max(1, (int)Math.Ceiling(scores.Count * share));
        var top = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).Take(take).Count(i => labels[i]) / (double)take;
        return top / (labels.Count(l => l) / (double)labels.Count);
    }
}
