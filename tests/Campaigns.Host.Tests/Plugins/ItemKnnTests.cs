using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

public sealed class ItemKnnTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RecommendsTheItemCoBoughtWithTheCustomersItemBeforeAMorePopularStranger()
    {
        var data = new InMemoryData();
        data.Buy("me", "tent", Now.AddDays(-1));
        foreach (var c in new[] { "c2", "c3" }) data.Buy(c, "tent", Now.AddDays(-5)).Buy(c, "stove", Now.AddDays(-5));
        foreach (var c in new[] { "c4", "c5", "c6", "c7" }) data.Buy(c, "mug", Now.AddDays(-2));

        var lists = await Recommend(data, "{}", [new("me"), new("stranger")], new RecommendationRequest(3));

        // tent: sim(tent, tent) = 1. stove: cosine = 2 shared / sqrt(3 tent buyers · 2 stove buyers) = 2 / sqrt(6).
        Assert.Equal(["tent", "stove", "mug"], lists[0].Select(r => r.ItemId));
        Assert.Equal(["bought-before", "bought-together:tent", "popular"], lists[0].Select(r => r.Reason));
        Assert.Equal(1.0, lists[0][0].Score, 1e-12);
        Assert.Equal(2 / Math.Sqrt(6), lists[0][1].Score, 1e-12);
        Assert.Equal(["mug", "tent", "stove"], lists[1].Select(r => r.ItemId));
    }

    [Fact]
    public async Task CosineFavoursThePopularNeighbourAndJaccardTheNicheOne()
    {
        // A: me, p1, p2. Popular B: p1, p2 and 11 others. Niche C: p1 and 3 others.
        var data = new InMemoryData();
        foreach (var c in new[] { "me", "p1", "p2" }) data.Buy(c, "A", Now.AddDays(-1));
        foreach (var c in new[] { "p1", "p2" }.Concat(Enumerable.Range(0, 11).Select(n => $"b{n}"))) data.Buy(c, "B", Now.AddDays(-1));
        foreach (var c in new[] { "p1", "q1", "q2", "q3" }) data.Buy(c, "C", Now.AddDays(-1));

        var cosine = await Recommend(data, """{"similarity":"cosine"}""", [new("me")], new RecommendationRequest(3));
        var jaccard = await Recommend(data, """{"similarity":"jaccard"}""", [new("me")], new RecommendationRequest(3));

        // cosine: B = 2 / sqrt(3·13) = 0.320, C = 1 / sqrt(3·4) = 0.289. jaccard: B = 2 / (3+13-2) = 0.143, C = 1 / (3+4-1) = 0.167.
        Assert.Equal(["A", "B", "C"], cosine[0].Select(r => r.ItemId));
        Assert.Equal(2 / Math.Sqrt(39), cosine[0][1].Score, 1e-12);
        Assert.Equal(["A", "C", "B"], jaccard[0].Select(r => r.ItemId));
        Assert.Equal(1 / 6.0, jaccard[0][1].Score, 1e-12);
    }

    [Fact]
    public async Task NeighboursOptionKeepsOnlyTheMostSimilarItemsAndTheTriggerIsSkipped()
    {
        var data = new InMemoryData();
        data.Buy("me", "A", Now.AddDays(-1));
        foreach (var c in new[] { "p1", "p2" }) data.Buy(c, "A", Now.AddDays(-1)).Buy(c, "close", Now.AddDays(-1));
        data.Buy("p3", "A", Now.AddDays(-1)).Buy("p3", "far", Now.AddDays(-1));
        foreach (var c in new[] { "x1", "x2" }) data.Buy(c, "far", Now.AddDays(-1));

        var one = await Recommend(data, """{"neighbours":1}""", [new("me")], new RecommendationRequest(2, TriggerItemId: "A"));

        // "far" is not A's neighbour any more, so it comes back only as a popular back-fill.
        Assert.Equal([("close", "bought-together:A"), ("far", "popular")], one[0].Select(r => (r.ItemId, r.Reason)));
    }

    [Theory]
    [InlineData("""{"similarity":"pearson"}""")]
    [InlineData("""{"neighbours":0}""")]
    [InlineData("""{"weighting":"tfidf"}""")]
    [InlineData("""{"eventTypes":[]}""")]
    public void InvalidOptionsAreRejected(string json) =>
        Assert.NotEmpty(plugins.Validate(StageKind.Recommender, "item-knn", json));

    private async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> Recommend(InMemoryData data, string options, Customer[] audience, RecommendationRequest request)
    {
        var context = BundledPluginsFixture.Context(data, new FakeClock(Now), plugins.NewDataFolder());
        var stage = plugins.Create<IRecommenderStage>(StageKind.Recommender, "item-knn", options, context);
        await stage.PrepareAsync(CancellationToken.None);
        return await stage.RecommendAsync(audience, request, CancellationToken.None);
    }
}
