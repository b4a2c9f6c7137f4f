using Campaigns.Plugins;
using Campaigns.Stages;

// Claims a contract major the host does not provide: the host must refuse it before running any of its code.
[assembly: CampaignsPlugin("test.future-contract", "1.0.0", ContractVersion = "2.0")]

namespace Campaigns.TestPlugins.FutureContract;

/// <summary>A plugin built against a future contract major.</summary>
public sealed class FutureContractPlugin : ICampaignPlugin
{
    /// <inheritdoc />
    public void Register(IStageRegistry stages) =>
        stages.AddRule<object>(new StageInfo("future-rule", "Never loaded."), (_, _) => throw new NotSupportedException());
}
