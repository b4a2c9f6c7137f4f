namespace Campaigns.Models;

/// <summary>
/// How well a score ranks the customers who then did the thing above those who did not: the gate of audience models
/// (core) and the propensity segment's own figures (its plugin compiles this file in).
/// </summary>
internal static class RankQuality
{
    /// <summary>
    /// Area under the ROC curve: the chance that a random positive scores above a random negative (ties count half),
    /// by the Mann-Whitney rank sum. NaN when one class is missing.
    /// </summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positives = labels.Count(l => l), negatives = labels.Count - positives, rankSum = 0;
        if (positives == 0 || negatives == 0) return double.NaN;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var rank = (start + end) / 2.0 + 1; // average rank of a tie group
            for (var i = start; i <= end; i++) if (labels[order[i]]) rankSum += rank;
            start = end + 1;
        }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /// <summary>Average precision (area under the precision-recall curve). NaN when there is no positive.</summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        double hits = 0, sum = 0;
        for (var r = 0; r < order.Length; r++)
        {
            if (!labels[order[r]]) continue;
            hits++;
            sum += hits / (r + 1);
        }
        return hits == 0 ? double.NaN : sum / hits;
    }

    /// <summary>The positive rate among the top <paramref name="share"/> by score, divided by the overall positive rate.</summary>
    public static double LiftAt(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double share)
    {
        var rate = (double)labels.Count(l => l) / labels.Count;
        var top = Math.Max(1, (int)Math.Ceiling(labels.Count * share));
        var hits = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).Take(top).Count(i => labels[i]);
        return rate == 0 ? double.NaN : hits / (double)top / rate;
    }
}
