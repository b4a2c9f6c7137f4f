using System.Text.Json;
using Campaigns.Plugins.Segmentation.ML.Features;
using Campaigns.Stages;

namespace Campaigns.Plugins.Segmentation.ML.Clusters;

/// <summary>
/// A trained K-means model as the registry stores it (<c>kmeans-segment/1</c>, JSON): the categories its affinity
/// features measure, the standardisation, and each cluster's name, size at training and centroid. Enough to put any
/// customer, new or changed, into the cluster whose centroid is nearest, without clustering again.
/// </summary>
/// <param name="Categories">The categories of the affinity features, in vector order.</param>
/// <param name="Mean">The standardisation's mean per feature (logged units).</param>
/// <param name="Sd">The standardisation's standard deviation per feature.</param>
/// <param name="Clusters">The clusters, largest at training first (their numbers are 1-based positions here).</param>
/// <param name="Quality">The Davies-Bouldin index of each k tried when it was trained.</param>
internal sealed record KMeansArtefact(string[] Categories, double[] Mean, double[] Sd, KMeansArtefact.Group[] Clusters, KMeansArtefact.Tried[] Quality)
{
    /// <summary>The format this build writes and reads.</summary>
    public const string Format = "kmeans-segment/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>One cluster.</summary>
    /// <param name="Name">Its name in words.</param>
    /// <param name="Size">Customers in it when it was trained.</param>
    /// <param name="Z">Its centroid as z-scores.</param>
    /// <param name="Centroid">Its centroid in original units.</param>
    internal sealed record Group(string Name, int Size, double[] Z, double[] Centroid);

    /// <summary>One k tried and its Davies-Bouldin index (NaN when k was fixed).</summary>
    internal sealed record Tried(int K, double DaviesBouldin);

    /// <summary>The artefact of a freshly trained model.</summary>
    public static KMeansArtefact Of(ClusterModel model, IReadOnlyList<string> categories) => new(
        [.. categories], [.. model.Scale.Mean], [.. model.Scale.Sd],
        [.. model.Clusters.Select(c => new Group(c.Name, c.Members.Count, c.Z, c.Centroid))],
        [.. model.Quality.Select(q => new Tried(q.K, q.DaviesBouldin))]);

    /// <summary>The bytes to store.</summary>
    public byte[] Write() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Reads a stored model.</summary>
    /// <exception cref="InvalidDataException">Another format, or bytes that do not make a model of this shape.</exception>
    public static KMeansArtefact Read(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Format != Format) throw new InvalidDataException($"kmeans-segment reads models of format {Format}, not {model.Format}");
        KMeansArtefact? read;
        try { read = JsonSerializer.Deserialize<KMeansArtefact>(model.Artefact, Json); }
        catch (JsonException ex) { throw new InvalidDataException($"kmeans-segment: the model is not readable ({ex.Message})", ex); }
        if (read is null || read.Mean.Length != CustomerFeatures.Count || read.Sd.Length != CustomerFeatures.Count || read.Clusters.Length == 0
            || read.Clusters.Any(c => c.Z.Length != CustomerFeatures.Count || c.Centroid.Length != CustomerFeatures.Count))
            throw new InvalidDataException($"kmeans-segment: the model does not have {CustomerFeatures.Count} features per centroid");
        return read;
    }

    /// <summary>
    /// Each customer's nearest centroid (ties to the larger cluster, which comes first) and the z-scores it was chosen
    /// from: the same standardisation the model learned, never one refitted on today's customers.
    /// </summary>
    public (int[] Clusters, float[][] Points) Assign(IReadOnlyList<(string Id, float[] Raw)> customers)
    {
        var scale = Standardizer.Of(Mean, Sd);
        var points = customers.Select(c => scale.Apply(CustomerFeatures.Logged(c.Raw))).ToArray();
        var clusters = points.Select(Nearest).ToArray();
        return (clusters, points);
    }

    /// <summary>The clusters with today's members (from <see cref="Assign"/>), in the stored order.</summary>
    public ClusterModel WithMembers(IReadOnlyList<(string Id, float[] Raw)> customers, int[] assigned) => new(
        [.. Clusters.Select((c, i) => new Cluster(c.Name, [.. customers.Where((_, n) => assigned[n] == i).Select(x => x.Id)], c.Centroid, c.Z))],
        [.. Quality.Select(q => (q.K, q.DaviesBouldin))], Standardizer.Of(Mean, Sd));

    private int Nearest(float[] point)
    {
        var (best, bestDistance) = (0, double.MaxValue);
        for (var c = 0; c < Clusters.Length; c++)
        {
            var distance = 0.0;
            for (var f = 0; f < point.Length; f++) distance += (point[f] - Clusters[c].Z[f]) * (point[f] - Clusters[c].Z[f]);
            if (distance < bestDistance) (best, bestDistance) = (c, distance);
        }
        return best;
    }
}
