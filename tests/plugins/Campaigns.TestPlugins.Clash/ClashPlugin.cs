using Campaigns.Plugins;
using Campaigns.Stages;

[assembly: CampaignsPlugin("test.clash", "1.0.0", ContractVersion = ContractVersion.Current)]

namespace Campaigns.TestPlugins.Clash;

/// <summary>Claims the bundled <c>most-popular</c> key, plus a key of its own that must not survive the clash.</summary>
public sealed class ClashPlugin : ICampaignPlugin
{
    /// <inheritdoc />
    public void Register(IStageRegistry stages)
    {
        stages.AddRule<object>(new StageInfo("clash-own-rule", "Must be rolled back."), (_, _) => throw new NotSupportedException());
        stages.AddRecommender<object>(new StageInfo("most-popular", "Clashes with the bundled recommender."), (_, _) => throw new NotSupportedException());
    }
}
