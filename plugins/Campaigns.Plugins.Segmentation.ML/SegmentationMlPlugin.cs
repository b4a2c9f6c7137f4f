using Campaigns.Plugins;
using Campaigns.Plugins.Segmentation.ML.Clusters;
using Campaigns.Plugins.Segmentation.ML.Propensity;
using Campaigns.Stages;

// ContractVersion is set explicitly so the compiler writes this build's contract version into the plugin's metadata.
[assembly: CampaignsPlugin("campaigns.segmentation.ml", "1.0.0", ContractVersion = ContractVersion.Current,
    DisplayName = "Segmentation (ML.NET)", Description = "Audiences found by machine learning: K-means clusters of customers and propensity to buy or churn.")]

namespace Campaigns.Plugins.Segmentation.ML;

/// <summary>Registers the machine-learned audiences.</summary>
public sealed class SegmentationMlPlugin : ICampaignPlugin
{
    /// <inheritdoc />
    public void Register(IStageRegistry stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        stages.AddAudience<KMeansSegmentOptions>(
            new StageInfo("kmeans-segment", "One group of similar customers (by recency, orders, spend and favourite products), found by K-means."),
            (context, options) => new KMeansSegmentStage(context, options));
        stages.AddAudience<PropensitySegmentOptions>(
            new StageInfo("propensity-segment", "The customers most likely to buy soon, or most likely to stop buying, as predicted by a trained model."),
            (context, options) => new PropensitySegmentStage(context, options));
    }
}
