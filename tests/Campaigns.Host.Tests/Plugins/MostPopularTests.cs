using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

public sealed class MostPopularTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly Customer[] Audience = [new("x"), new("y")];

    [Fact]
    public async Task RanksByDistinctCustomersNotByEventsAndGivesEveryoneTheSameList()
    {
        var data = Catalog("a", "b", "c");
        foreach (var c in new[] { "c1", "c2", "c3" }) data.Buy(c, "a", Now.AddDays(-1));
        for (var i = 0; i < 10; i++) data.Buy("c1", "b", Now.AddDays(-2));
        data.Buy("c1", "c", Now.AddDays(-3)).Buy("c2", "c", Now.AddDays(-3));

        var lists = await Recommend(data, "{}", new RecommendationRequest(3));

        Assert.Equal(["a", "c", "b"], lists[0].Select(r => r.ItemId));
        Assert.Equal([3.0, 2.0, 1.0], lists[0].Select(r => r.Score));
        Assert.All(lists[0], r => Assert.Equal("popular:30d", r.Reason));
        Assert.Same(lists[0], lists[1]); // one shared list: no per-customer work
    }

    [Fact]
    public async Task SkipsOutOfStockAndUnknownItemsAndCountsOnlyTheWindowAndTheEventTypes()
    {
        var data = Catalog("a", "b", "old", "viewed");
        data.Items.Add(new CatalogItem("sold-out", "Sold out") { Stock = 0 });
        foreach (var c in new[] { "c1", "c2", "c3", "c4" }) data.Buy(c, "sold-out", Now.AddDays(-1)).Buy(c, "unknown", Now.AddDays(-1));
        data.Buy("c1", "a", Now.AddDays(-29)).Buy("c2", "a", Now.AddDays(-29)).Buy("c1", "b", Now.AddHours(-1));
        foreach (var c in new[] { "c1", "c2", "c3" }) data.Buy(c, "old", Now.AddDays(-31)).Buy(c, "viewed", Now.AddDays(-1), InteractionTypes.View);

        var lists = await Recommend(data, "{}", new RecommendationRequest(10));

        Assert.Equal(["a", "b"], lists[0].Select(r => r.ItemId));
    }

    [Fact]
    public async Task RespectsCountTriggerItemAndEventTypesOption()
    {
        var data = Catalog("a", "b", "c");
        foreach (var c in new[] { "c1", "c2", "c3" }) data.Buy(c, "a", Now.AddDays(-1), InteractionTypes.View);
        data.Buy("c1", "b", Now.AddDays(-1), InteractionTypes.View).Buy("c2", "b", Now.AddDays(-1), InteractionTypes.View);
        data.Buy("c1", "c", Now.AddDays(-1), InteractionTypes.View);

        var lists = await Recommend(data, """{"eventTypes":["view"],"windowDays":7}""", new RecommendationRequest(2, TriggerItemId: "a"));

        Assert.Equal(["b", "c"], lists[0].Select(r => r.ItemId));
        Assert.All(lists[0], r => Assert.Equal("popular:7d", r.Reason));
    }

    [Fact]
    public async Task HistoricDataFallsBackToTheWindowEndingAtTheLatestEventAndSaysSo()
    {
        var latest = new DateTimeOffset(2011, 12, 9, 12, 50, 0, TimeSpan.Zero);
        var data = Catalog("recent", "older");
        data.Buy("c1", "recent", latest).Buy("c2", "recent", latest.AddDays(-10));
        foreach (var c in new[] { "c1", "c2", "c3" }) data.Buy(c, "older", latest.AddDays(-40));

        var auto = await Recommend(data, "{}", new RecommendationRequest(5));
        var now = await Recommend(data, """{"anchor":"now"}""", new RecommendationRequest(5));

        var only = Assert.Single(auto[0]);
        Assert.Equal(("recent", 2.0, "popular:30d-to-2011-12-09"), (only.ItemId, only.Score, only.Reason));
        Assert.Empty(now[0]);
    }

    [Theory]
    [InlineData("""{"windowDays":0}""")]
    [InlineData("""{"windowDays":3651}""")]
    [InlineData("""{"eventTypes":[]}""")]
    [InlineData("""{"anchor":"yesterday"}""")]
    public void InvalidOptionsAreRejected(string json) =>
        Assert.NotEmpty(plugins.Validate(StageKind.Recommender, "most-popular", json));

    private async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> Recommend(InMemoryData data, string options, RecommendationRequest request)
    {
        var context = BundledPluginsFixture.Context(data, new FakeClock(Now), plugins.NewDataFolder());
        var stage = plugins.Create<IRecommenderStage>(StageKind.Recommender, "most-popular", options, context);
        await stage.PrepareAsync(CancellationToken.None);
        return await stage.RecommendAsync(Audience, request, CancellationToken.None);
    }

    private static InMemoryData Catalog(params string[] ids)
    {
        var data = new InMemoryData();
        data.Items.AddRange(ids.Select(id => new CatalogItem(id, id.ToUpperInvariant()) { Stock = id == "a" ? null : 5 }));
        return data;
    }
}
