using System.Runtime.CompilerServices;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Planning;
using Campaigns.Stages;
using Campaigns.Storage;

namespace Campaigns.Core.Tests.Planning;

public sealed class RecommendationFilteringTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Without_filters_there_is_no_filtering_and_the_count_is_unchanged()
    {
        Assert.Null(await RecommendationFiltering.CreateAsync(null, new Interactions([]), new History(), Now, default));
        Assert.Equal(3, RecommendationFiltering.CandidateCount(null, 3));
        Assert.Equal(32, RecommendationFiltering.CandidateCount(new RecommendationFilters(), 3));
    }

    [Fact]
    public async Task Popular_items_come_from_the_last_90_days_of_purchases_or_else_all_time()
    {
        var interactions = new Interactions([]) { AllTime = ["old-1", "old-2"] };
        var filtering = await RecommendationFiltering.CreateAsync(new RecommendationFilters(), interactions, new History(), Now, default);
        Assert.Equal(["old-1", "old-2"], filtering!.Popular);
        Assert.Equal([Now.AddDays(-90), null], interactions.Since);
        Assert.All(interactions.Types, t => Assert.Equal([InteractionTypes.Purchase], t));

        var recent = await RecommendationFiltering.CreateAsync(new RecommendationFilters(), new Interactions(["new-1"]), new History(), Now, default);
        Assert.Equal(["new-1"], recent!.Popular);
    }

    [Fact]
    public async Task Purchases_are_asked_once_per_batch_for_the_window_and_applied_per_customer()
    {
        var history = new History();
        var filters = new RecommendationFilters { ExcludePurchasedWithinDays = 30 };
        var filtering = await RecommendationFiltering.CreateAsync(filters, new Interactions(["x"]), history, Now, default);
        Customer[] customers = [new("c1"), new("c2")];
        IReadOnlyList<Recommendation> list = [new("a", 2, "model"), new("b", 1, "model")];
        var items = new[] { "a", "b", "x" }.ToDictionary(id => id, id => new CatalogItem(id, id));

        var lists = await filtering!.ApplyAsync(customers, [list, list], 2, items, null, default);

        Assert.Equal(["b", "x"], lists[0].Select(r => r.ItemId));
        Assert.Equal("backfill:popular", lists[0][1].Reason);
        Assert.Equal(["a", "b"], lists[1].Select(r => r.ItemId));
        var call = Assert.Single(history.Calls);
        Assert.Equal(["c1", "c2"], call.Customers);
        Assert.Equal(Now.AddDays(-30), call.Since);
    }

    private sealed class History : ICustomerHistory
    {
        public List<(IReadOnlyCollection<string> Customers, DateTimeOffset Since)> Calls { get; } = [];

        public Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> PurchasedSinceAsync(IReadOnlyCollection<string> customerIds, DateTimeOffset since, CancellationToken cancellationToken)
        {
            Calls.Add((customerIds, since));
            return Task.FromResult<IReadOnlyDictionary<string, IReadOnlySet<string>>>(
                new Dictionary<string, IReadOnlySet<string>> { ["c1"] = new HashSet<string> { "a" } });
        }
    }

    private sealed class Interactions(string[] recent) : IInteractionReader
    {
        public string[] AllTime { get; init; } = [];
        public List<DateTimeOffset?> Since { get; } = [];
        public List<IReadOnlyList<string>?> Types { get; } = [];

        public Task<IReadOnlyList<ItemActivity>> CountByItemAsync(InteractionQuery query, int top, CancellationToken cancellationToken)
        {
            Since.Add(query.Since);
            Types.Add(query.Types);
            var ids = query.Since is null ? AllTime : recent;
            return Task.FromResult<IReadOnlyList<ItemActivity>>([.. ids.Select(id => new ItemActivity(id, 1, 1, 1))]);
        }

        public async IAsyncEnumerable<IReadOnlyList<Interaction>> ReadAsync(InteractionQuery query, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }

        public async IAsyncEnumerable<IReadOnlyList<CustomerActivity>> CountByCustomerAsync(InteractionQuery query, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }
    }
}
