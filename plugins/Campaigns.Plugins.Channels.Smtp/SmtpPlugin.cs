using Campaigns.Plugins;
using Campaigns.Stages;

// ContractVersion is set explicitly so the compiler writes this build's contract version into the plugin's metadata.
[assembly: CampaignsPlugin("campaigns.channels.smtp", "1.0.0", ContractVersion = ContractVersion.Current,
    DisplayName = "E-mail over SMTP", Description = "Sends e-mail through an SMTP server with MailKit.")]

namespace Campaigns.Plugins.Channels.Smtp;

/// <summary>Registers the SMTP e-mail channel.</summary>
public sealed class SmtpPlugin : ICampaignPlugin
{
    /// <inheritdoc />
    public void Register(IStageRegistry stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        stages.AddChannel<SmtpOptions>(
            new StageInfo("smtp", "E-mail over SMTP (MailKit): HTML and text parts, Message-ID from the ledger key, RFC 8058 one-click unsubscribe headers, pooled connections."),
            (context, options) => new SmtpChannel(context, options));
    }
}
