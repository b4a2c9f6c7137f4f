using Campaigns.Plugins;
using Campaigns.Plugins.Timing.ML;
using Campaigns.Stages;

// ContractVersion is set explicitly so the compiler writes this build's contract version into the plugin's metadata.
[assembly: CampaignsPlugin("campaigns.timing.ml", "1.0.0", ContractVersion = ContractVersion.Current,
    DisplayName = "Timing (ML.NET)", Description = "A send-time strategy that predicts engagement per hour with gradient-boosted trees.")]

namespace Campaigns.Plugins.Timing.ML;

/// <summary>Registers the ML.NET send-time strategy.</summary>
public sealed class MlTimingPlugin : ICampaignPlugin
{
    /// <inheritdoc />
    public void Register(IStageRegistry stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        stages.AddSendTime<MlEngagementOptions>(
            new StageInfo("ml-engagement", "Sends in the hour a machine-learned model expects the customer to be most engaged."),
            (context, options) => new MlEngagementStage(context, options));
    }
}
