using System.Diagnostics.CodeAnalysis;
using Campaigns.Plugins.Recommenders;
using Campaigns.Stages;

namespace Campaigns.Plugins.Ranking.Candidates;

/// <summary>The recommenders the <c>reranker</c> can take candidates from (compiled into this plugin), with their options types.</summary>
internal static class CandidateSources
{
    private static readonly Dictionary<string, ChildFactory> Factories = new(StringComparer.Ordinal)
    {
        ["buy-again"] = Of<BuyAgainOptions>((c, o) => new BuyAgainStage(c, o)),
        ["item-knn"] = Of<ItemKnnOptions>((c, o) => new ItemKnnStage(c, o)),
        ["ease"] = Of<EaseOptions>((c, o) => new EaseStage(c, o)),
        ["content-based"] = Of<ContentBasedOptions>((c, o) => new ContentBasedStage(c, o)),
        ["user-knn"] = Of<UserKnnOptions>((c, o) => new UserKnnStage(c, o)),
        ["trending"] = Of<TrendingOptions>((c, o) => new TrendingStage(c, o)),
        ["most-popular"] = Of<MostPopularOptions>((c, o) => new MostPopularStage(c, o)),
        ["hybrid"] = Of<HybridOptions>((c, o) => new HybridStage(c, o)),
    };

    /// <summary>The keys a source may name.</summary>
    public static IEnumerable<string> Keys => Factories.Keys;

    public static bool TryGet(string? key, [MaybeNullWhen(false)] out ChildFactory factory)
    {
        factory = null;
        return key is not null && Factories.TryGetValue(key, out factory);
    }

    private static ChildFactory Of<TOptions>(Func<StageContext, TOptions, IRecommenderStage> create) where TOptions : class, new() =>
        new(typeof(TOptions), (context, options) => create(context, (TOptions)options));
}
