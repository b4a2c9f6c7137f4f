using Campaigns.Plugins;
using Campaigns.Stages;

// ContractVersion is set explicitly so the compiler writes this build's contract version into the plugin's metadata.
[assembly: CampaignsPlugin("campaigns.segmentation", "1.0.0", ContractVersion = ContractVersion.Current,
    DisplayName = "Segmentation", Description = "Audiences selected from the shop's behaviour events and customer profiles.")]

namespace Campaigns.Plugins.Segmentation;

/// <summary>Registers the bundled audiences.</summary>
public sealed class SegmentationPlugin : ICampaignPlugin
{
    /// <inheritdoc />
    public void Register(IStageRegistry stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        stages.AddAudience<ActiveCustomersOptions>(
            new StageInfo("active-customers", "Customers with at least a number of events in the last days."),
            (context, options) => new ActiveCustomersStage(context, options));
        stages.AddAudience<RuleSegmentOptions>(
            new StageInfo("rule-segment", "Customers whose profile satisfies a rule, e.g. orders_90d >= 2 and affinity(\"KITCHEN\") > 0.2."),
            (context, options) => new RuleSegmentStage(context, options));
    }
}
