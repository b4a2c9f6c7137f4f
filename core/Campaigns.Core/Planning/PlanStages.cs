using Campaigns.Campaign;
using Campaigns.Models;
using Campaigns.Stages;

namespace Campaigns.Planning;

/// <summary>The stage instances of one planning run, prepared once and disposed at the end.</summary>
internal sealed class PlanStages : IAsyncDisposable
{
    private PlanStages(IAudienceStage audience, IReadOnlyList<IRuleStage> rules, IRecommenderStage recommender, ISendTimeStage timing, string channelKind)
    {
        Audience = audience;
        Rules = rules;
        Recommender = recommender;
        Timing = timing;
        ChannelKind = channelKind;
    }

    public IAudienceStage Audience { get; }
    public IReadOnlyList<IRuleStage> Rules { get; }
    public IRecommenderStage Recommender { get; }
    public ISendTimeStage Timing { get; }
    public string ChannelKind { get; }

    /// <summary>The registry versions the recommender and timing stages use this run, e.g. <c>item-knn v3</c>; null when a stage fitted its own.</summary>
    public string? RecommenderModel { get; private set; }

    /// <inheritdoc cref="RecommenderModel"/>
    public string? TimingModel { get; private set; }

    public static async Task<PlanStages> CreateAsync(CompiledCampaign campaign, CampaignRunInfo run, StageContextFactory contexts, LiveModels models, CancellationToken ct)
    {
        T Make<T>(BoundStage stage) where T : ICampaignStage => stage.Create<T>(contexts.Create(run, stage.Registration));

        // The channel is built only to learn its kind (consent and address); it is sent through by the dispatcher.
        var channel = Make<IDeliveryChannel>(campaign.Channel);
        var kind = channel.Kind;
        await DisposeAsync(channel);

        var stages = new PlanStages(Make<IAudienceStage>(campaign.Audience), campaign.Rules.Select(Make<IRuleStage>).ToList(),
            Make<IRecommenderStage>(campaign.Recommender), Make<ISendTimeStage>(campaign.Timing), kind);
        await stages.Audience.PrepareAsync(ct);
        foreach (var rule in stages.Rules) await rule.PrepareAsync(ct);
        // Live models go in before PrepareAsync, so a stage with one does not fit again.
        stages.RecommenderModel = await models.LoadAsync(stages.Recommender, campaign.Recommender, ct);
        stages.TimingModel = await models.LoadAsync(stages.Timing, campaign.Timing, ct);
        await stages.Recommender.PrepareAsync(ct);
        await stages.Timing.PrepareAsync(ct);
        return stages;
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeAsync(Audience);
        foreach (var rule in Rules) await DisposeAsync(rule);
        await DisposeAsync(Recommender);
        await DisposeAsync(Timing);
    }

    private static async ValueTask DisposeAsync(object stage)
    {
        if (stage is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
        else if (stage is IDisposable disposable) disposable.Dispose();
    }
}
