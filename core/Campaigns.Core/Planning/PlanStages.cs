using Campaigns.Campaign;
using Campaigns.Models;
using Campaigns.Stages;

namespace Campaigns.Planning;

/// <summary>The stage instances of one planning run, prepared once and disposed at the end; one stage set per variant.</summary>
internal sealed class PlanStages : IAsyncDisposable
{
    private readonly List<ICampaignStage> _owned;

    private PlanStages(IAudienceStage audience, IReadOnlyList<IRuleStage> rules, IReadOnlyList<VariantStages> variants, string channelKind, List<ICampaignStage> owned)
    {
        Audience = audience;
        Rules = rules;
        Variants = variants;
        ChannelKind = channelKind;
        _owned = owned;
    }

    public IAudienceStage Audience { get; }
    public IReadOnlyList<IRuleStage> Rules { get; }

    /// <summary>The variants' stages, in the definition's order (one unnamed variant outside experiments).</summary>
    public IReadOnlyList<VariantStages> Variants { get; }

    public string ChannelKind { get; }

    /// <summary>The stages of the variant named <paramref name="name"/> (null: the campaign's own).</summary>
    public VariantStages Variant(string? name) => Variants.First(v => v.Variant.Name == name);

    /// <summary>The registry version the campaign's own recommender uses this run, e.g. <c>item-knn v3</c>; null when it fitted its own.</summary>
    public string? RecommenderModel => Variants[0].RecommenderModel;

    /// <inheritdoc cref="RecommenderModel"/>
    public string? TimingModel => Variants[0].TimingModel;

    /// <summary>The registry version the audience stage uses this run (<c>kmeans-segment v2</c>); null when it fitted its own.</summary>
    public string? AudienceModel { get; private init; }

    public static async Task<PlanStages> CreateAsync(CompiledCampaign campaign, CampaignRunInfo run, StageContextFactory contexts, LiveModels models, CancellationToken ct)
    {
        var owned = new List<ICampaignStage>();
        // Variants that do not override a stage share the campaign's bound stage: build and prepare it once.
        var built = new Dictionary<BoundStage, ICampaignStage>(ReferenceEqualityComparer.Instance);
        T Make<T>(BoundStage stage) where T : ICampaignStage
        {
            if (built.TryGetValue(stage, out var existing)) return (T)existing;
            var created = stage.Create<T>(contexts.Create(run, stage.Registration));
            built[stage] = created;
            owned.Add(created);
            return created;
        }

        // The channel is built only to learn its kind (consent and address); it is sent through by the dispatcher.
        var channel = campaign.Channel.Create<IDeliveryChannel>(contexts.Create(run, campaign.Channel.Registration));
        var kind = channel.Kind;
        await StageDisposal.DisposeAsync(channel);

        var audience = Make<IAudienceStage>(campaign.Audience);
        var rules = campaign.Rules.Select(Make<IRuleStage>).ToList();
        // Live models go in before PrepareAsync, so a stage with one does not fit again; a stage shared by variants loads once.
        var loaded = new Dictionary<ICampaignStage, string?>(ReferenceEqualityComparer.Instance);
        async Task<string?> LoadAsync(ICampaignStage stage, BoundStage bound)
        {
            if (!loaded.TryGetValue(stage, out var version)) loaded[stage] = version = await models.LoadAsync(stage, bound, ct);
            return version;
        }
        var variants = new List<VariantStages>(campaign.Variants.Count);
        foreach (var v in campaign.Variants)
        {
            var (recommender, timing) = (Make<IRecommenderStage>(v.Recommender), Make<ISendTimeStage>(v.Timing));
            variants.Add(new VariantStages(v, recommender, timing)
            {
                RecommenderModel = await LoadAsync(recommender, v.Recommender),
                TimingModel = await LoadAsync(timing, v.Timing),
            });
        }
        var stages = new PlanStages(audience, rules, variants, kind, owned) { AudienceModel = await LoadAsync(audience, campaign.Audience) };
        foreach (var stage in owned) await stage.PrepareAsync(ct);
        return stages;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stage in _owned) await StageDisposal.DisposeAsync(stage);
    }
}

/// <summary>One variant's prepared recommender and timing stage, with the registry versions of their live models.</summary>
internal sealed record VariantStages(CompiledVariant Variant, IRecommenderStage Recommender, ISendTimeStage Timing)
{
    /// <summary>The recommender's live model version (<c>item-knn v3</c>); null when it fitted its own this run.</summary>
    public string? RecommenderModel { get; init; }

    /// <summary>The timing stage's live model version; null when it fitted its own this run.</summary>
    public string? TimingModel { get; init; }
}
