using Campaigns.Plugins;
using Campaigns.Stages;

// ContractVersion is set explicitly so the compiler writes this build's contract version into the plugin's metadata.
[assembly: CampaignsPlugin("campaigns.recommenders", "1.0.0", ContractVersion = ContractVersion.Current,
    DisplayName = "Recommenders", Description = "Item recommenders computed from the shop's own events.")]

namespace Campaigns.Plugins.Recommenders;

/// <summary>Registers the bundled recommenders.</summary>
public sealed class RecommendersPlugin : ICampaignPlugin
{
    /// <inheritdoc />
    public void Register(IStageRegistry stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        stages.AddRecommender<MostPopularOptions>(
            new StageInfo("most-popular", "The in-stock items bought by the most customers in the last days; the same list for everyone."),
            (context, options) => new MostPopularStage(context, options));
        stages.AddRecommender<BuyAgainOptions>(
            new StageInfo("buy-again", "Items the customer bought before, the often and recently bought first; popular items after."),
            (context, options) => new BuyAgainStage(context, options));
        stages.AddRecommender<ItemKnnOptions>(
            new StageInfo("item-knn", "Items bought by the customers who bought the same items as this customer."),
            (context, options) => new ItemKnnStage(context, options));
        stages.AddRecommender<UserKnnOptions>(
            new StageInfo("user-knn", "Items rated or bought by the customers most like this one, by their weighted average rating."),
            (context, options) => new UserKnnStage(context, options));
        stages.AddRecommender<TrendingOptions>(
            new StageInfo("trending", "The items selling most right now, recent days counting more; the same list for everyone."),
            (context, options) => new TrendingStage(context, options));
        stages.AddRecommender<EaseOptions>(
            new StageInfo("ease", "Items a learned item-to-item model (EASE) predicts from everything the customer bought."),
            (context, options) => new EaseStage(context, options));
        stages.AddRecommender<IalsOptions>(
            new StageInfo("ials", "Items matching the customer's taste profile, learned from what everyone bought (matrix factorisation)."),
            (context, options) => new IalsStage(context, options));
        stages.AddRecommender<ContentBasedOptions>(
            new StageInfo("content-based", "Items whose text, category, price band and tags are most like those of the customer's own items, new items included."),
            (context, options) => new ContentBasedStage(context, options));
        stages.AddRecommender<HybridOptions>(
            new StageInfo("hybrid", "Blends other recommenders of this plugin (e.g. buy-again and item-knn) with weights from the definition."),
            (context, options) => new HybridStage(context, options));
    }
}
