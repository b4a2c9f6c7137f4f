using Campaigns.Plugins.Segmentation.ML.Features;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Campaigns.Plugins.Segmentation.ML.Clusters;

/// <summary>One cluster found: its name, members and centroid.</summary>
/// <param name="Name">Its unique name in words.</param>
/// <param name="Members">The customer ids in it, ordered.</param>
/// <param name="Centroid">The centroid in original units (days, orders, money, shares).</param>
/// <param name="Z">The centroid as z-scores: what a stored model assigns new customers by (the nearest one).</param>
internal sealed record Cluster(string Name, IReadOnlyList<string> Members, double[] Centroid, double[] Z);

/// <summary>The clusters K-means found, largest first, and how k was chosen.</summary>
/// <param name="Clusters">The clusters, largest first (their numbers are 1-based positions in this list).</param>
/// <param name="Quality">The Davies-Bouldin index of each k tried (lower is better).</param>
/// <param name="Scale">The standardisation the centroids are in.</param>
internal sealed record ClusterModel(IReadOnlyList<Cluster> Clusters, IReadOnlyList<(int K, double DaviesBouldin)> Quality, Standardizer Scale)
{
    /// <summary>Customers sampled to choose k: Davies-Bouldin needs every point's distances, and the best k does not change with more.</summary>
    private const int SelectionSample = 20_000;

    /// <summary>Clusters <paramref name="customers"/> (ids ordered, raw feature vectors).</summary>
    public static ClusterModel Train(IReadOnlyList<(string Id, float[] Raw)> customers, IReadOnlyList<string> categories, KMeansSegmentOptions options)
    {
        var logged = customers.Select(c => CustomerFeatures.Logged(c.Raw)).ToList();
        var scale = Standardizer.Fit(logged);
        var points = logged.Select(l => new PointRow { Features = scale.Apply(l) }).ToList();
        var ml = new MLContext(options.Seed);

        var distinct = points.Select(p => string.Join(',', p.Features)).Distinct(StringComparer.Ordinal).Count();
        var (kMin, kMax) = options.K is { } k ? (k, k) : (options.KMin, options.KMax);
        kMax = Math.Min(kMax, distinct);
        if (kMax < kMin)
            throw new InvalidOperationException($"kmeans-segment: {customers.Count:N0} customers with {distinct:N0} different purchase patterns cannot be split into {kMin} clusters");

        var quality = new List<(int K, double DaviesBouldin)>();
        if (kMin == kMax) quality.Add((kMin, double.NaN));
        else
        {
            var every = Math.Max(1, points.Count / SelectionSample);
            var sample = ml.Data.LoadFromEnumerable(points.Where((_, i) => i % every == 0).ToList());
            for (var candidate = kMin; candidate <= kMax; candidate++)
            {
                var scored = Fit(ml, sample, candidate).Transform(sample);
                quality.Add((candidate, ml.Clustering.Evaluate(scored, featureColumnName: nameof(PointRow.Features)).DaviesBouldinIndex));
            }
        }
        var chosen = quality.MinBy(q => double.IsNaN(q.DaviesBouldin) ? 0 : q.DaviesBouldin).K;

        var all = ml.Data.LoadFromEnumerable(points);
        var labels = ml.Data.CreateEnumerable<ClusterPrediction>(Fit(ml, all, chosen).Transform(all), reuseRowObject: false)
            .Select(p => (int)p.PredictedLabel - 1).ToArray();
        return new ClusterModel(Describe(customers, points, labels, chosen, scale, categories), quality, scale);
    }

    private static ITransformer Fit(MLContext ml, IDataView data, int k) =>
        // One thread: K-means' sums in parallel depend on scheduling, and the same seed must give the same clusters.
        ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(PointRow.Features),
            NumberOfClusters = k,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 200,
        }).Fit(data);

    private static List<Cluster> Describe(IReadOnlyList<(string Id, float[] Raw)> customers, List<PointRow> points, int[] labels, int k, Standardizer scale,
        IReadOnlyList<string> categories)
    {
        var zCentroids = new double[k][];
        var members = new List<string>[k];
        for (var c = 0; c < k; c++) { zCentroids[c] = new double[CustomerFeatures.Count]; members[c] = []; }
        for (var i = 0; i < points.Count; i++)
        {
            members[labels[i]].Add(customers[i].Id);
            for (var f = 0; f < CustomerFeatures.Count; f++) zCentroids[labels[i]][f] += points[i].Features[f];
        }
        var used = Enumerable.Range(0, k).Where(c => members[c].Count > 0).ToList();
        foreach (var c in used) for (var f = 0; f < CustomerFeatures.Count; f++) zCentroids[c][f] /= members[c].Count;

        var original = used.ToDictionary(c => c, c => Enumerable.Range(0, CustomerFeatures.Count)
            .Select(f => CustomerFeatures.Unlogged(f, scale.Invert(f, zCentroids[c][f]))).ToArray());
        var names = ClusterNames.Name(used.Select(c => (zCentroids[c], original[c])).ToList(), categories);
        return [.. used.Select((c, i) => new Cluster(names[i], members[c], original[c], zCentroids[c]))
            .OrderByDescending(c => c.Members.Count).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }
}
