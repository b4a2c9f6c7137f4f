using Campaigns.Plugins;
using Campaigns.Stages;

// ContractVersion is set explicitly so the compiler writes this build's contract version into the plugin's metadata.
[assembly: CampaignsPlugin("campaigns.timing", "1.0.0", ContractVersion = ContractVersion.Current,
    DisplayName = "Timing", Description = "Send-time strategies in each customer's own time zone.")]

namespace Campaigns.Plugins.Timing;

/// <summary>Registers the bundled send-time strategies.</summary>
public sealed class TimingPlugin : ICampaignPlugin
{
    /// <inheritdoc />
    public void Register(IStageRegistry stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        stages.AddSendTime<FixedLocalTimeOptions>(
            new StageInfo("fixed-local-time", "Sends at the same local time of day in each customer's time zone."),
            (context, options) => new FixedLocalTimeStage(context, options));
    }
}
