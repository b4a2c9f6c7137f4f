using Campaigns.Plugins;
using Campaigns.Stages;

// ContractVersion is set explicitly so the compiler writes this build's contract version into the plugin's metadata.
[assembly: CampaignsPlugin("campaigns.channels.http", "1.0.0", ContractVersion = ContractVersion.Current,
    DisplayName = "HTTP channels", Description = "Signed JSON webhooks, and SMS or push gateways described by configuration.")]

namespace Campaigns.Plugins.Channels.Http;

/// <summary>Registers the webhook channel and the configurable HTTP provider channel.</summary>
public sealed class HttpChannelsPlugin : ICampaignPlugin
{
    /// <inheritdoc />
    public void Register(IStageRegistry stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        stages.AddChannel<WebhookOptions>(
            new StageInfo("webhook", "POSTs each message as JSON signed with HMAC-SHA256, with the ledger key as idempotency key; retries 5xx and timeouts, honours 429 Retry-After."),
            (context, options) => new WebhookChannel(context, options));
        stages.AddChannel<HttpProviderOptions>(
            new StageInfo("http", "Any SMS or push gateway with an HTTP API (Twilio-, FCM-, APNs-like): URL, headers and body are Scriban templates in the options."),
            (context, options) => new HttpProviderChannel(context, options));
    }
}
