using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

public sealed class ContentBasedTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_customer_with_one_mug_gets_the_other_mug_before_a_more_popular_unrelated_item()
    {
        var data = Shop();
        data.Buy("me", "mug-red", Now.AddDays(-3));
        foreach (var c in new[] { "c1", "c2", "c3" }) data.Buy(c, "lamp", Now.AddDays(-1)).Buy(c, "mug-blue", Now.AddDays(-200));

        var list = (await Recommend(data, "{}", [new("me")], 3))[0];

        var ids = list.Select(r => r.ItemId).ToList();
        Assert.Equal("mug-red", ids[0]);
        Assert.True(ids.IndexOf("mug-blue") < ids.IndexOf("lamp"), string.Join(",", ids));
        Assert.Equal("similar-to:mug-red", list.Single(r => r.ItemId == "mug-blue").Reason);
        Assert.Equal("popular", list.Single(r => r.ItemId == "lamp").Reason);
        Assert.InRange(list[0].Score, 1 - 1e-6, 1 + 1e-6);
    }

    [Fact]
    public async Task A_new_item_nobody_touched_is_recommended_when_its_text_matches()
    {
        var data = Shop();
        data.Items.Add(new CatalogItem("mug-new", "Green ceramic mug") { Description = "Hand glazed stoneware" });
        data.Buy("me", "mug-red", Now.AddDays(-3), InteractionTypes.View);
        foreach (var c in new[] { "c1", "c2", "c3" }) data.Buy(c, "lamp", Now.AddDays(-1));

        var list = (await Recommend(data, "{}", [new("me")], 2, trigger: "mug-red"))[0];

        Assert.Contains(list, r => r.ItemId == "mug-new" && r.Reason == "similar-to:mug-red");
        Assert.DoesNotContain(list, r => r.ItemId == "lamp");
    }

    [Fact]
    public async Task The_attribute_weight_decides_between_a_text_match_and_a_category_match()
    {
        var data = new InMemoryData();
        data.Items.Add(new CatalogItem("chair", "Garden chair") { Category = "Garden" });
        data.Items.Add(new CatalogItem("cushion", "Garden chair cushion") { Category = "Kitchen" });
        data.Items.Add(new CatalogItem("can", "Watering can") { Category = "Garden" });
        data.Buy("me", "chair", Now.AddDays(-1));

        var textOnly = (await Recommend(data, """{"attributeWeight":0}""", [new("me")], 3))[0].Select(r => r.ItemId).ToList();
        var attributes = (await Recommend(data, """{"attributeWeight":10}""", [new("me")], 3))[0].Select(r => r.ItemId).ToList();

        Assert.Equal(["chair", "cushion", "can"], textOnly);
        Assert.Equal(["chair", "can", "cushion"], attributes);
    }

    [Fact]
    public async Task A_customer_without_events_gets_the_popular_items()
    {
        var data = Shop();
        foreach (var c in new[] { "c1", "c2", "c3" }) data.Buy(c, "lamp", Now.AddDays(-1));
        data.Buy("c1", "mug-blue", Now.AddDays(-1));

        var list = (await Recommend(data, "{}", [new("stranger")], 2))[0];

        Assert.Equal([("lamp", "popular"), ("mug-blue", "popular")], list.Select(r => (r.ItemId, r.Reason)));
    }

    [Theory]
    [InlineData("""{"halfLifeDays":-1}""")]
    [InlineData("""{"halfLifeDays":0}""")]
    [InlineData("""{"attributeWeight":-0.5}""")]
    [InlineData("""{"maxProfileItems":0}""")]
    [InlineData("""{"eventTypes":[]}""")]
    public void InvalidOptionsAreRejected(string json) =>
        Assert.NotEmpty(plugins.Validate(StageKind.Recommender, "content-based", json));

    [Fact]
    public void TheDefaultsAreValid() =>
        Assert.Empty(plugins.Validate(StageKind.Recommender, "content-based", "{}"));

    private static InMemoryData Shop()
    {
        var data = new InMemoryData();
        data.Items.Add(new CatalogItem("mug-red", "Red ceramic mug") { Description = "A mug for tea and coffee", Category = "Kitchen", Price = 6m });
        data.Items.Add(new CatalogItem("mug-blue", "Blue ceramic mug") { Description = "Coffee mug, dishwasher safe", Category = "Kitchen", Price = 7m });
        data.Items.Add(new CatalogItem("lamp", "Brass desk lamp") { Description = "Warm light for the study", Category = "Lighting", Price = 49m });
        return data;
    }

    private async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> Recommend(InMemoryData data, string options, Customer[] audience, int count, string? trigger = null)
    {
        var context = BundledPluginsFixture.Context(data, new FakeClock(Now), plugins.NewDataFolder());
        var stage = plugins.Create<IRecommenderStage>(StageKind.Recommender, "content-based", options, context);
        await stage.PrepareAsync(CancellationToken.None);
        return await stage.RecommendAsync(audience, new RecommendationRequest(count, TriggerItemId: trigger), CancellationToken.None);
    }
}
