using Campaigns.Plugins.Segmentation.ML.Features;

namespace Campaigns.Plugins.Segmentation.ML.Clusters;

/// <summary>
/// Names a cluster in words from its centroid relative to the population (z-scores: 0 is the average customer):
/// recency (recent / lapsed), frequency (one-time / repeat / frequent), spend (low / mid / high spenders) and, when one
/// stands out, the product category they buy most ("who like christmas").
/// </summary>
internal static class ClusterNames
{
    /// <summary>Half a standard deviation from the average: far enough to be worth a word.</summary>
    private const double Notable = 0.5;

    /// <summary>One unique name per centroid, in order.</summary>
    public static string[] Name(IReadOnlyList<(double[] Z, double[] Original)> centroids, IReadOnlyList<string> categories)
    {
        var names = centroids.Select(c => Words(c.Z, c.Original) + Affinity(c.Z, categories)).ToArray();
        // Two clusters with the same words are told apart by a number, in centroid order.
        for (var i = 0; i < names.Length; i++)
        {
            var same = Enumerable.Range(0, names.Length).Where(j => names[j] == names[i]).ToList();
            if (same.Count > 1) foreach (var (j, n) in same.Select((j, n) => (j, n))) names[j] += $" ({n + 1})";
        }
        return names;
    }

    private static string Words(double[] z, double[] original)
    {
        var recency = z[CustomerFeatures.Recency] switch { < -Notable => "recent ", > Notable => "lapsed ", _ => "" };
        // One-time is a fact, not a comparison: the centroid's typical customer has a single order.
        var frequency = original[CustomerFeatures.Orders] < 1.5 ? "one-time " : z[CustomerFeatures.Orders] > Notable ? "frequent " : "repeat ";
        var spend = z[CustomerFeatures.Spend] switch { > Notable => "high spenders", < -Notable => "low spenders", _ => "mid spenders" };
        return recency + frequency + spend;
    }

    private static string? Affinity(double[] z, IReadOnlyList<string> categories)
    {
        var best = Enumerable.Range(0, categories.Count).Select(k => (k, z: z[CustomerFeatures.FirstAffinity + k])).OrderByDescending(x => x.z).FirstOrDefault();
        return categories.Count > 0 && best.z > Notable ? $" who like {categories[best.k].ToLowerInvariant()}" : null;
    }
}
