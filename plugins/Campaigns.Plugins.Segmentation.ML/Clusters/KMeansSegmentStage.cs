using System.Globalization;
using Campaigns.Data;
using Campaigns.Plugins.Segmentation.ML.Features;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Segmentation.ML.Clusters;

/// <summary>The customers of one K-means cluster; also describes every cluster for the <c>segments clusters</c> command.</summary>
internal sealed class KMeansSegmentStage(StageContext context, KMeansSegmentOptions options) : IAudienceStage, ISegmentInsights
{
    /// <summary>Days without any purchase after which <c>auto</c> treats the store as a historic data set.</summary>
    private const int QuietDays = 90;

    private ClusterModel? _model;
    private string[] _featureNames = [];
    private Cluster? _picked;
    private string _source = "";

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
        var how = _model.Quality.Count > 1
            ? $"k={chosen} chosen by the lowest Davies-Bouldin index among k={_model.Quality[0].K}..{_model.Quality[^1].K}"
            : $"k={chosen} fixed";
        return new SegmentReport($"kmeans-segment: {_model.Clusters.Sum(c => c.Members.Count):N0} customers, {how}; features from {_source}",
            [.. _model.Clusters.Select(c => new SegmentSummary(c.Name, c.Members.Count)
            {
                Figures = [.. _featureNames.Select((name, f) => new SegmentFigure(name, c.Centroid[f]))],
            })])
        {
            Figures = [.. _model.Quality.Where(q => !double.IsNaN(q.DaviesBouldin)).Select(q => new SegmentFigure($"Davies-Bouldin k={q.K}", q.DaviesBouldin))],
        };
    }

    private async Task TrainAsync(CancellationToken cancellationToken)
    {
        if (_model is not null) return;
        var now = await ReferenceTime.ResolveAsync(context.Interactions, options.Anchor, context.Time.GetUtcNow(), QuietDays, cancellationToken);
        var categories = await TopCategories.LearnAsync(context.Interactions, context.Catalog, now, cancellationToken);
        var customers = await CustomersAsync(now, categories, cancellationToken);
        if (customers.Count < 2)
            throw new InvalidOperationException($"kmeans-segment: {customers.Count} customers with purchases before {now:u}; at least 2 are needed to form clusters");
        _featureNames = CustomerFeatures.Names(categories);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _model = ClusterModel.Train(customers, categories.Words, options);
        context.Logger.LogInformation("kmeans-segment: {Customers} customers as of {Now:u} from {Source}, k={K} in {Seconds:0.0} s", customers.Count, now, _source,
            _model.Clusters.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
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
