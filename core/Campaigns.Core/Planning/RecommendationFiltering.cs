using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Stages;
using Campaigns.Storage;

namespace Campaigns.Planning;

/// <summary>
/// The campaign's <see cref="RecommendationFilters"/> for one planning run: the popular back-fill list (computed once per
/// run) and, per batch, one purchase-history query, then <see cref="RecommendationFilter.Apply"/> per customer.
/// </summary>
internal sealed class RecommendationFiltering
{
    private const int PopularTop = 200;
    private static readonly TimeSpan PopularWindow = TimeSpan.FromDays(90);
    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> NoPurchases = new Dictionary<string, IReadOnlySet<string>>();
    private static readonly IReadOnlySet<string> Nothing = new HashSet<string>();

    private readonly RecommendationFilters _filters;
    private readonly ICustomerHistory _history;
    private readonly DateTimeOffset _now;

    private RecommendationFiltering(RecommendationFilters filters, IReadOnlyList<string> popular, ICustomerHistory history, DateTimeOffset now)
    {
        _filters = filters;
        Popular = popular;
        _history = history;
        _now = now;
    }

    /// <summary>Back-fill item ids, most bought first.</summary>
    public IReadOnlyList<string> Popular { get; }

    /// <summary>Null when the campaign has no filters; otherwise the run's filtering, with the popular items of the store.</summary>
    public static async Task<RecommendationFiltering?> CreateAsync(RecommendationFilters? filters, IInteractionReader interactions,
        ICustomerHistory history, DateTimeOffset now, CancellationToken ct)
    {
        if (filters is null) return null;
        var recent = await interactions.CountByItemAsync(new InteractionQuery(now - PopularWindow, null, [InteractionTypes.Purchase]), PopularTop, ct);
        var popular = recent.Count > 0 ? recent : await interactions.CountByItemAsync(new InteractionQuery(null, null, [InteractionTypes.Purchase]), PopularTop, ct);
        return new RecommendationFiltering(filters, [.. popular.Select(p => p.ItemId)], history, now);
    }

    /// <summary>How many candidates to ask the recommender for.</summary>
    public static int CandidateCount(RecommendationFilters? filters, int count) => filters is null ? count : RecommendationFilter.CandidateCount(count);

    /// <summary>Filters each customer's candidates; <paramref name="items"/> must hold the candidates and <see cref="Popular"/>; <paramref name="triggerItemOf"/> gives a customer's trigger item (null: none).</summary>
    public async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> ApplyAsync(IReadOnlyList<Customer> customers,
        IReadOnlyList<IReadOnlyList<Recommendation>> candidates, int count, IReadOnlyDictionary<string, CatalogItem> items,
        Func<Customer, string?>? triggerItemOf, CancellationToken ct)
    {
        var purchased = _filters.ExcludePurchasedWithinDays is { } days
            ? await _history.PurchasedSinceAsync([.. customers.Select(c => c.Id)], _now.AddDays(-days), ct)
            : NoPurchases;
        var lists = new IReadOnlyList<Recommendation>[customers.Count];
        for (var i = 0; i < customers.Count; i++)
            lists[i] = RecommendationFilter.Apply(candidates[i], _filters, count, items, purchased.GetValueOrDefault(customers[i].Id) ?? Nothing, triggerItemOf?.Invoke(customers[i]), Popular);
        return lists;
    }
}
