using Campaigns.Plugins;

[assembly: CampaignsPlugin("test.throwing", "1.0.0", ContractVersion = ContractVersion.Current)]

namespace Campaigns.TestPlugins.Throwing;

/// <summary>A plugin whose registration always fails, to prove a failing plugin is contained.</summary>
public sealed class ThrowingPlugin : ICampaignPlugin
{
    /// <inheritdoc />
    public void Register(IStageRegistry stages) => throw new InvalidOperationException("test plugin refuses to register");
}
