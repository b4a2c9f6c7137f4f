using System.Text.Json.Nodes;
using Campaigns.Campaign;
using Campaigns.Message;

namespace Campaigns.Core.Tests.Campaign;

public sealed class RecommendationFiltersDefinitionTests
{
    private readonly CampaignCompiler _compiler = new(TestStages.Registry(), TemplateLimits.Default);

    [Fact]
    public void Filters_are_read_into_the_recommender_reference()
    {
        var campaign = _compiler.Compile(WithFilters("""
            { "excludePurchasedWithinDays": 30, "inStockOnly": true, "categories": { "include": ["toys"], "exclude": ["gifts"] },
              "price": { "min": 1, "max": 50.5 }, "maxPerCategory": 2, "boostTags": { "new": 0.2, "promo": 0.1 }, "excludeTriggerItem": true }
            """), 1);

        var filters = campaign.Definition.Recommender.Filters!;
        Assert.Equal(30, filters.ExcludePurchasedWithinDays);
        Assert.True(filters.InStockOnly);
        Assert.Equal(["toys"], filters.IncludeCategories);
        Assert.Equal(["gifts"], filters.ExcludeCategories);
        Assert.Equal(1m, filters.MinPrice);
        Assert.Equal(50.5m, filters.MaxPrice);
        Assert.Equal(2, filters.MaxPerCategory);
        Assert.Equal(0.2, filters.BoostTags["new"]);
        Assert.True(filters.ExcludeTriggerItem);
    }

    [Fact]
    public void Without_filters_the_reference_has_none()
    {
        Assert.Null(_compiler.Compile(TestStages.Valid, 1).Definition.Recommender.Filters);
    }

    [Fact]
    public void Every_filter_error_is_reported_with_its_json_path()
    {
        var errors = _compiler.Validate(WithFilters("""
            { "excludePurchasedWithinDays": -3, "inStock": true, "inStockOnly": "yes", "categories": { "include": ["", 4], "only": [] },
              "price": { "min": 60, "max": 50 }, "maxPerCategory": 0, "boostTags": { "new": "lots" }, "excludeTriggerItem": 1 }
            """));
        var paths = errors.Select(e => e.Path).ToList();

        Assert.Contains(errors, e => e.Path == "$.recommender.filters.excludePurchasedWithinDays" && e.Message.Contains("between 1"));
        Assert.Contains("$.recommender.filters.inStock", paths);
        Assert.Contains("$.recommender.filters.inStockOnly", paths);
        Assert.Contains("$.recommender.filters.categories.include[0]", paths);
        Assert.Contains("$.recommender.filters.categories.include[1]", paths);
        Assert.Contains("$.recommender.filters.categories.only", paths);
        Assert.Contains(errors, e => e.Path == "$.recommender.filters.price" && e.Message.Contains("greater than max"));
        Assert.Contains("$.recommender.filters.maxPerCategory", paths);
        Assert.Contains("$.recommender.filters.boostTags.new", paths);
        Assert.Contains("$.recommender.filters.excludeTriggerItem", paths);
    }

    [Fact]
    public void Filters_must_be_an_object_and_negative_prices_are_rejected()
    {
        Assert.Contains(_compiler.Validate(WithFilters("[]")), e => e.Path == "$.recommender.filters" && e.Message.Contains("object"));
        Assert.Contains(_compiler.Validate(WithFilters("""{ "price": { "min": -1 } }""")), e => e.Path == "$.recommender.filters.price.min");
    }

    private static string WithFilters(string filters)
    {
        var node = JsonNode.Parse(TestStages.Valid)!;
        node["recommender"]!["filters"] = JsonNode.Parse(filters);
        return node.ToJsonString();
    }
}
