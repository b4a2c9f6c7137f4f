using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Planning;
using Campaigns.Stages;

namespace Campaigns.Core.Tests.Planning;

public sealed class RecommendationFilterTests
{
    private static readonly Dictionary<string, CatalogItem> Items = new[]
    {
        Item("a", "toys", 10, stock: 5, "new"),
        Item("b", "toys", 20, stock: 0),
        Item("c", "books", 30, stock: null, "promo"),
        Item("d", "books", 60, stock: 1),
        Item("e", null, 5, stock: null),
        Item("f", "toys", 15, stock: 3),
        Item("p1", "garden", 8, stock: 2),
        Item("p2", "toys", 9, stock: 2),
    }.ToDictionary(i => i.Id);

    private static readonly Recommendation[] Candidates = new[] { "a", "b", "c", "d", "e", "f", "missing" }.Select((id, i) => new Recommendation(id, 10 - i, "model")).ToArray();

    [Fact]
    public void No_filters_keep_the_catalogued_candidates_in_order_up_to_count()
    {
        Assert.Equal(["a", "b", "c"], Ids(Apply(new RecommendationFilters(), 3)));
    }

    [Fact]
    public void Trigger_item_is_left_out_only_when_asked()
    {
        Assert.Equal(["b", "c"], Ids(Apply(new RecommendationFilters { ExcludeTriggerItem = true }, 2, trigger: "a")));
        Assert.Equal(["a", "b"], Ids(Apply(new RecommendationFilters(), 2, trigger: "a")));
    }

    [Fact]
    public void Recently_purchased_items_are_left_out()
    {
        var filters = new RecommendationFilters { ExcludePurchasedWithinDays = 30 };
        Assert.Equal(["b", "d", "e"], Ids(Apply(filters, 3, purchased: ["a", "c"])));
    }

    [Fact]
    public void In_stock_only_keeps_untracked_stock_and_drops_zero()
    {
        Assert.Equal(["a", "c", "d", "e", "f"], Ids(Apply(new RecommendationFilters { InStockOnly = true }, 10)));
    }

    [Fact]
    public void Categories_include_and_exclude()
    {
        Assert.Equal(["c", "d"], Ids(Apply(new RecommendationFilters { IncludeCategories = ["books"] }, 10)));
        Assert.Equal(["c", "d", "e"], Ids(Apply(new RecommendationFilters { ExcludeCategories = ["toys"] }, 10)));
    }

    [Fact]
    public void Price_range_is_inclusive()
    {
        Assert.Equal(["a", "b", "c", "f"], Ids(Apply(new RecommendationFilters { MinPrice = 10, MaxPrice = 30 }, 10)));
    }

    [Fact]
    public void Tag_boost_multiplies_the_score_and_resorts_stably()
    {
        var filters = new RecommendationFilters { BoostTags = new Dictionary<string, double> { ["promo"] = 0.5, ["new"] = 0 } };
        var result = Apply(filters, 4);
        Assert.Equal(["c", "a", "b", "d"], Ids(result));
        Assert.Equal(12, result[0].Score);
    }

    [Fact]
    public void Max_per_category_is_greedy_in_score_order_and_leaves_uncategorised_items_alone()
    {
        Assert.Equal(["a", "c", "e"], Ids(Apply(new RecommendationFilters { MaxPerCategory = 1 }, 10)));
    }

    [Fact]
    public void Short_lists_are_back_filled_from_popularity_through_the_same_filters()
    {
        var filters = new RecommendationFilters { IncludeCategories = ["books", "garden", "toys"], MaxPerCategory = 1, InStockOnly = true };
        var result = Apply(filters, 4, popular: ["a", "b", "p2", "p1", "missing"]);

        Assert.Equal(["a", "c", "p1"], Ids(result));
        Assert.Equal(["model", "model", RecommendationFilter.BackfillReason], result.Select(r => r.Reason));
    }

    [Fact]
    public void Back_fill_skips_purchased_items_and_never_repeats()
    {
        var filters = new RecommendationFilters { ExcludePurchasedWithinDays = 10 };
        var result = RecommendationFilter.Apply([new Recommendation("a", 1, "model")], filters, 3, Items, new HashSet<string> { "c" }, null, ["a", "c", "d", "e"]);
        Assert.Equal(["a", "d", "e"], Ids(result));
        Assert.Equal("backfill:popular", result[2].Reason);
    }

    [Fact]
    public void Candidate_count_asks_for_more_but_is_capped()
    {
        Assert.Equal(32, RecommendationFilter.CandidateCount(3));
        Assert.Equal(500, RecommendationFilter.CandidateCount(200));
    }

    private static List<Recommendation> Apply(RecommendationFilters filters, int count, string? trigger = null, string[]? purchased = null, string[]? popular = null) =>
        RecommendationFilter.Apply(Candidates, filters, count, Items, new HashSet<string>(purchased ?? []), trigger, popular ?? []);

    private static List<string> Ids(List<Recommendation> list) => list.ConvertAll(r => r.ItemId);

    private static CatalogItem Item(string id, string? category, decimal price, int? stock, params string[] tags) =>
        new(id, id.ToUpperInvariant()) { Category = category, Price = price, Stock = stock, Tags = tags };
}
