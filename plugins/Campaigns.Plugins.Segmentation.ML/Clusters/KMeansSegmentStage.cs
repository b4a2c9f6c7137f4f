using System.Globalization;
using Campaigns.Data;
using Campaigns.Plugins.Segmentation.ML.Features;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Segmentation.ML.Clusters;

/// <summary>
/// The customers of one K-means cluster; also describes every cluster for the <c>segments clusters</c> command. With a
/// model from the registry (<see cref="ITrainableStage"/>) it does not cluster: each customer's current features go to
/// the nearest stored centroid, so a campaign and a preview see the clusters the gate deployed.
/// </summary>
internal sealed class KMeansSegmentStage(StageContext context, KMeansSegmentOptions options) : ISegmentInsights, IScoringAudience
{
    /// <summary>Days without any purchase after which <c>auto</c> treats the store as a historic data set.</summary>
    private const int QuietDays = 90;

    private ClusterModel? _model;
    private string[] _featureNames = [];
    private Cluster? _picked;
    private string _source = "";
    private KMeansArtefact? _loaded;
    private (IReadOnlyList<string> Ids, int[] Clusters, float[][] Points)? _assigned;

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        await TrainAsync(cancellationToken);
        _picked = Pick(_model!);
        context.Logger.LogInformation("kmeans-segment: cluster '{Name}' of {K}, {Customers} customers", _picked.Name, _model!.Clusters.Count, _picked.Members.Count);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<IReadOnlyList<Customer>> SelectAsync(AudienceRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_picked is null) await PrepareAsync(cancellationToken);
        await foreach (var batch in SegmentMembers.StreamAsync(context.Customers, _picked!.Members, request.BatchSize, cancellationToken)) yield return batch;
    }

    /// <inheritdoc />
    public async Task<SegmentReport> DescribeAsync(CancellationToken cancellationToken)
    {
        await TrainAsync(cancellationToken);
        var chosen = _model!.Clusters.Count;
        var how = (_model.Quality.Count > 1
            ? $"k={chosen} chosen by the lowest Davies-Bouldin index among k={_model.Quality[0].K}..{_model.Quality[^1].K}"
            : $"k={chosen} fixed") + (_loaded is null ? "" : ", from the stored model");
        return new SegmentReport($"kmeans-segment: {_model.Clusters.Sum(c => c.Members.Count):N0} customers, {how}; features from {_source}",
            [.. _model.Clusters.Select(c => new SegmentSummary(c.Name, c.Members.Count)
            {
                Figures = [.. _featureNames.Select((name, f) => new SegmentFigure(name, c.Centroid[f]))],
            })])
        {
            Figures = [.. _model.Quality.Where(q => !double.IsNaN(q.DaviesBouldin)).Select(q => new SegmentFigure($"Davies-Bouldin k={q.K}", q.DaviesBouldin))],
        };
    }

    /// <inheritdoc />
    public async Task<TrainedModel> TrainAsync(TrainingRequest request, CancellationToken cancellationToken)
    {
        (_model, _loaded, _assigned) = (null, null, null);
        var categories = await TrainAsync(cancellationToken);
        return new TrainedModel(KMeansArtefact.Format, KMeansArtefact.Of(_model!, categories!.Words).Write())
        {
            Stats = new Dictionary<string, double> { ["customers"] = _model!.Clusters.Sum(c => c.Members.Count), ["k"] = _model.Clusters.Count },
        };
    }

    /// <inheritdoc />
    public void LoadModel(TrainedModel model)
    {
        _loaded = KMeansArtefact.Read(model);
        (_model, _assigned) = (null, null);
    }

    /// <inheritdoc />
    public async Task<AudienceScores> ScoreCustomersAsync(CancellationToken cancellationToken)
    {
        if (_loaded is null) throw new InvalidOperationException("kmeans-segment: no model loaded to score with");
        await TrainAsync(cancellationToken);
        var (ids, clusters, points) = _assigned!.Value;
        return new AudienceScores(ids) { Clusters = clusters, Points = points };
    }

    /// <summary>Clusters the customers, or with a loaded model assigns them; the categories when it trained.</summary>
    private async Task<TopCategories?> TrainAsync(CancellationToken cancellationToken)
    {
        if (_model is not null) return null;
        var now = await ReferenceTime.ResolveAsync(context.Interactions, options.Anchor, context.Time.GetUtcNow(), QuietDays, cancellationToken);
        var categories = _loaded is null
            ? await TopCategories.LearnAsync(context.Interactions, context.Catalog, now, cancellationToken)
            : await TopCategories.FixedAsync(context.Catalog, _loaded.Categories, cancellationToken);
        var customers = await CustomersAsync(now, categories, cancellationToken);
        _featureNames = CustomerFeatures.Names(categories);
        if (_loaded is not null)
        {
            var (clusters, points) = _loaded.Assign(customers);
            _assigned = ([.. customers.Select(c => c.Id)], clusters, points);
            _model = _loaded.WithMembers(customers, clusters);
            context.Logger.LogInformation("kmeans-segment: {Customers} customers as of {Now:u} from {Source} put into the stored model's {K} clusters",
                customers.Count, now, _source, _model.Clusters.Count);
            return null;
        }
        if (customers.Count < 2)
            throw new InvalidOperationException($"kmeans-segment: {customers.Count} customers with purchases before {now:u}; at least 2 are needed to form clusters");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _model = ClusterModel.Train(customers, categories.Words, options);
        context.Logger.LogInformation("kmeans-segment: {Customers} customers as of {Now:u} from {Source}, k={K} in {Seconds:0.0} s", customers.Count, now, _source,
            _model.Clusters.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return categories;
    }

    /// <summary>Every customer with a purchase before <paramref name="now"/> and their features: from the profiles when there are any, else from events.</summary>
    private async Task<List<(string Id, float[] Raw)>> CustomersAsync(DateTimeOffset now, TopCategories categories, CancellationToken cancellationToken)
    {
        (var rows, _source) = await FeatureSource.TryProfilesAsync(context, now, categories, cancellationToken);
        if (rows is not null) return [.. rows.Select(r => (r.Id, r.Raw))];
        var log = await PurchaseLog.LoadAsync(context.Interactions, categories, [now], TimeSpan.Zero, cancellationToken);
        return [.. log.At(0).Select(c => (c.CustomerId, c.Features.Vector(now, categories)))];
    }

    private Cluster Pick(ClusterModel model)
    {
        var wanted = options.Cluster?.Trim();
        var found = model.Clusters.FirstOrDefault(c => string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase));
        if (found is null && int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= model.Clusters.Count)
            found = model.Clusters[number - 1];
        if (found is not null) return found;

        var list = string.Join("; ", model.Clusters.Select((c, i) => $"{i + 1} '{c.Name}' ({c.Members.Count:N0} customers)"));
        throw new InvalidOperationException(wanted is null or ""
            ? $"kmeans-segment: option 'cluster' is required; the clusters are: {list}"
            : $"kmeans-segment: cluster '{wanted}' is not among the clusters found; the clusters are: {list}");
    }
}
