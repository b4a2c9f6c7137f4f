using Campaigns.Plugins;
using Campaigns.Stages;

// ContractVersion is set explicitly so the compiler writes this build's contract version into the plugin's metadata.
[assembly: CampaignsPlugin("campaigns.channels.webhook", "1.0.0", ContractVersion = ContractVersion.Current,
    DisplayName = "Webhook channel", Description = "POSTs each message as signed JSON to a partner's endpoint.")]

namespace Campaigns.Plugins.Channels.Webhook;

/// <summary>Registers the webhook channel.</summary>
public sealed class WebhookPlugin : ICampaignPlugin
{
    /// <inheritdoc />
    public void Register(IStageRegistry stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        stages.AddChannel<WebhookOptions>(
            new StageInfo("webhook", "POSTs each message as JSON signed with HMAC-SHA256, with the ledger key as idempotency key; retries 5xx and timeouts, honours 429 Retry-After."),
            (context, options) => new WebhookChannel(context, options));
    }
}
