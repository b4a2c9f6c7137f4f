using Campaigns.Plugins;
using Campaigns.Stages;

// ContractVersion is set explicitly so the compiler writes this build's contract version into the plugin's metadata.
[assembly: CampaignsPlugin("campaigns.ranking", "1.0.0", ContractVersion = ContractVersion.Current,
    DisplayName = "Ranking", Description = "A learned re-ranker (LightGBM LambdaRank) over other recommenders' candidates.")]

namespace Campaigns.Plugins.Ranking;

/// <summary>Registers the learned re-ranker.</summary>
public sealed class RankingPlugin : ICampaignPlugin
{
    /// <inheritdoc />
    public void Register(IStageRegistry stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        stages.AddRecommender<RerankerOptions>(
            new StageInfo("reranker", "Candidates from other recommenders, ordered by a model trained on the shop's own repeat and follow-up purchases."),
            (context, options) => new RerankerStage(context, options));
    }
}
