using Campaigns.Plugins.Segmentation.ML.Features;
using Microsoft.ML.Data;

namespace Campaigns.Plugins.Segmentation.ML.Clusters;

/// <summary>One customer as K-means sees it: standardized features.</summary>
internal sealed class PointRow
{
    /// <summary>The z-scores, <see cref="CustomerFeatures.Count"/> of them.</summary>
    [VectorType(CustomerFeatures.Count)]
    public float[] Features { get; set; } = [];
}

/// <summary>K-means' answer for one customer.</summary>
internal sealed class ClusterPrediction
{
    /// <summary>The nearest cluster, 1-based.</summary>
    public uint PredictedLabel { get; set; }
}
