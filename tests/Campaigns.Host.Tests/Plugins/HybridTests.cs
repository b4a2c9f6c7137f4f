using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

public sealed class HybridTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    // c1 bought "own" three times and "shared" once. "shared" has 4 customers, "pop" 3, "own" 1.
    // buy-again for c1: own, shared, pop (back-fill). most-popular: shared, pop, own.
    private static InMemoryData Shop()
    {
        var data = new InMemoryData();
        foreach (var id in new[] { "own", "shared", "pop" }) data.Items.Add(new CatalogItem(id, id));
        foreach (var days in new[] { 1, 2, 3 }) data.Buy("c1", "own", Now.AddDays(-days));
        foreach (var c in new[] { "c1", "c2", "c3", "c4" }) data.Buy(c, "shared", Now.AddDays(-2));
        foreach (var c in new[] { "c5", "c6", "c7" }) data.Buy(c, "pop", Now.AddDays(-2));
        return data;
    }

    [Theory]
    [InlineData("rank")]
    [InlineData("score")]
    public async Task TheItemBothChildrenRankHighComesFirst(string blend)
    {
        var options = $$"""{"blend":"{{blend}}","stages":[{"key":"buy-again","weight":1},{"key":"most-popular","weight":1}]}""";

        var lists = await Recommend(Shop(), options, new RecommendationRequest(3));

        Assert.Equal(["shared", "own", "pop"], lists[0].Select(r => r.ItemId));
        // The reason comes from the child contributing most: most-popular ranks "shared" first, buy-again "own".
        Assert.Equal(["popular:30d", "bought-before:3x"], lists[0].Take(2).Select(r => r.Reason));
        Assert.True(lists[0][0].Score > lists[0][1].Score);
    }

    [Fact]
    public async Task WeightsChangeTheOrder()
    {
        // RRF: own = 3/61 + 1/63 = 0.06505 beats shared = 3/62 + 1/61 = 0.06478.
        const string options = """{"blend":"rank","stages":[{"key":"buy-again","weight":3},{"key":"most-popular","weight":1}]}""";

        var lists = await Recommend(Shop(), options, new RecommendationRequest(2));

        Assert.Equal(["own", "shared"], lists[0].Select(r => r.ItemId));
        Assert.Equal(3 / 61.0 + 1 / 63.0, lists[0][0].Score, 1e-12);
    }

    [Fact]
    public async Task ChildOptionsAreBoundAndTheTriggerIsSkipped()
    {
        // With item-knn's defaults and buy-again's short half-life, the trigger never shows and the list is full.
        const string options = """{"stages":[{"key":"buy-again","options":{"halfLifeDays":7}},{"key":"item-knn","weight":0.5,"options":{"similarity":"jaccard"}}]}""";

        var lists = await Recommend(Shop(), options, new RecommendationRequest(3, TriggerItemId: "own"));

        Assert.Equal(2, lists[0].Count);
        Assert.DoesNotContain(lists[0], r => r.ItemId == "own");
    }

    [Fact]
    public async Task AnIalsChildBlendsWithItsOwnOptions()
    {
        // ials (the best blend partner for ease on MovieLens) is a child like the others: its options are bound, and
        // with buy-again weighted far above it, c1's own item still leads the blended list.
        const string options = """{"stages":[{"key":"buy-again","weight":5},{"key":"ials","weight":1,"options":{"factors":4,"iterations":3}}]}""";

        var lists = await Recommend(Shop(), options, new RecommendationRequest(3));

        Assert.Equal("own", lists[0][0].ItemId);
        Assert.Equal(3, lists[0].Count);
    }

    [Theory]
    [InlineData("""{"stages":[{"key":"ials","options":{"factors":1}}]}""", "stages[0].options.factors")]
    [InlineData("""{"stages":[{"key":"nope"}]}""", "'nope' is not a recommender")]
    [InlineData("""{"stages":[{"key":"hybrid"}]}""", "'hybrid' is not a recommender")]
    [InlineData("""{"stages":[{"key":"buy-again","options":{"halfLifeDays":0}}]}""", "stages[0].options.halfLifeDays")]
    [InlineData("""{"stages":[{"key":"ease"},{"key":"buy-again","options":{"bogus":1}}]}""", "stages[1].options")]
    [InlineData("""{"stages":[{"key":"buy-again","weight":0}]}""", "must be above 0")]
    [InlineData("""{"stages":[]}""", "Stages")]
    [InlineData("""{"blend":"max"}""", "'rank' or 'score'")]
    public void InvalidOptionsAreRejectedWithTheirPath(string json, string expected) =>
        Assert.Contains(plugins.Validate(StageKind.Recommender, "hybrid", json), e => e.Contains(expected, StringComparison.Ordinal));

    private async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> Recommend(InMemoryData data, string options, RecommendationRequest request)
    {
        var context = BundledPluginsFixture.Context(data, new FakeClock(Now), plugins.NewDataFolder());
        var stage = plugins.Create<IRecommenderStage>(StageKind.Recommender, "hybrid", options, context);
        await stage.PrepareAsync(CancellationToken.None);
        return await stage.RecommendAsync([new("c1")], request, CancellationToken.None);
    }
}
