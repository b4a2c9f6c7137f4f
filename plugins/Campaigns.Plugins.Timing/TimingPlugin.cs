using Campaigns.Plugins;
using Campaigns.Plugins.Timing.Bayes;
using Campaigns.Plugins.Timing.MedianHour;
using Campaigns.Plugins.Timing.PurchaseCycle;
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
        stages.AddSendTime<MedianHourOptions>(
            new StageInfo("median-hour", "Sends around the median local time of the customer's last 60 days of activity."),
            (context, options) => new MedianHourStage(context, options));
        stages.AddSendTime<BayesHourOfWeekOptions>(
            new StageInfo("bayes-hour-of-week", "Learns each customer's best hour of the week, starting from the audience's, and keeps exploring."),
            (context, options) => new BayesHourOfWeekStage(context, options));
        stages.AddSendTime<PurchaseCycleOptions>(
            new StageInfo("purchase-cycle", "Sends a few days before the customer's next expected purchase, at their usual hour."),
            (context, options) => new PurchaseCycleStage(context, options));
    }
}
