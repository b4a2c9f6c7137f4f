using Campaigns.Plugins;
using Campaigns.Stages;

// ContractVersion is set explicitly so the compiler writes this build's contract version into the plugin's metadata.
[assembly: CampaignsPlugin("campaigns.channels.outbox", "1.0.0", ContractVersion = ContractVersion.Current,
    DisplayName = "Outbox channel", Description = "Writes messages to a JSON-lines file instead of sending them.")]

namespace Campaigns.Plugins.Channels.Outbox;

/// <summary>Registers the outbox channel.</summary>
public sealed class OutboxPlugin : ICampaignPlugin
{
    /// <inheritdoc />
    public void Register(IStageRegistry stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        stages.AddChannel<OutboxOptions>(
            new StageInfo("outbox", "Writes each message as one JSON line to a file: for dry runs, tests and hand-offs."),
            (context, options) => new OutboxChannel(context, options));
    }
}
