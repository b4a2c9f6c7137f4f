namespace Campaigns.Models;

/// <summary>
/// How well clusters separate their points, computed by the host from the points and assignments a clustering audience
/// reports: the Davies-Bouldin index (the mean, over clusters, of the worst ratio of two clusters' spreads to the
/// distance between their centres; lower is better), the measure kmeans-segment chooses k by.
/// </summary>
internal static class ClusterSeparation
{
    /// <summary>
    /// <c>separation</c> = 1 / Davies-Bouldin (higher is better, as the gate wants), 0 when fewer than two clusters have
    /// members; and the index itself, the customers and the clusters used.
    /// </summary>
    public static Dictionary<string, double> Measure(IReadOnlyList<int> clusters, IReadOnlyList<float[]> points)
    {
        var groups = Enumerable.Range(0, points.Count).GroupBy(i => clusters[i]).Select(g => g.ToArray()).ToList();
        var centres = groups.Select(g => Centre(g, points)).ToList();
        var spreads = groups.Select((g, c) => g.Average(i => Distance(points[i], centres[c]))).ToList();
        var index = double.PositiveInfinity;
        if (groups.Count >= 2)
        {
            index = Enumerable.Range(0, groups.Count).Average(a => Enumerable.Range(0, groups.Count).Where(b => b != a)
                .Max(b => Distance(centres[a], centres[b]) is var d and > 0 ? (spreads[a] + spreads[b]) / d : double.PositiveInfinity));
        }
        var metrics = new Dictionary<string, double>
        {
            ["separation"] = double.IsFinite(index) && index > 0 ? 1 / index : 0,
            ["holdout-customers"] = points.Count,
            ["clusters-used"] = groups.Count,
            ["largest-cluster-share"] = points.Count == 0 ? 0 : groups.Max(g => g.Length) / (double)points.Count,
        };
        if (double.IsFinite(index)) metrics["davies-bouldin"] = index;
        return metrics;
    }

    private static double[] Centre(int[] members, IReadOnlyList<float[]> points)
    {
        var centre = new double[points[members[0]].Length];
        foreach (var i in members) for (var f = 0; f < centre.Length; f++) centre[f] += points[i][f];
        for (var f = 0; f < centre.Length; f++) centre[f] /= members.Length;
        return centre;
    }

    private static double Distance(float[] point, double[] centre) => Math.Sqrt(point.Select((v, f) => (v - centre[f]) * (v - centre[f])).Sum());

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Select((v, f) => (v - b[f]) * (v - b[f])).Sum());
}
