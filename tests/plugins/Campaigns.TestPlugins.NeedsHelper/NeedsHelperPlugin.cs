using Campaigns.Data;
using Campaigns.Plugins;
using Campaigns.Stages;
using Campaigns.TestPlugins.Helper;

[assembly: CampaignsPlugin("test.needs-helper", "1.0.0", ContractVersion = ContractVersion.Current)]

namespace Campaigns.TestPlugins.NeedsHelper;

/// <summary>A plugin that needs its helper assembly while registering.</summary>
public sealed class NeedsHelperPlugin : ICampaignPlugin
{
    /// <inheritdoc />
    public void Register(IStageRegistry stages) =>
        stages.AddRule<object>(new StageInfo(StageKeys.Rule, "Lets everyone through."), (_, _) => new AllowAll());

    private sealed class AllowAll : IRuleStage
    {
        public Task<IReadOnlyList<RuleVerdict>> EvaluateAsync(IReadOnlyList<Customer> customers, RuleRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RuleVerdict>>([.. customers.Select(_ => RuleVerdict.Allow)]);
    }
}
