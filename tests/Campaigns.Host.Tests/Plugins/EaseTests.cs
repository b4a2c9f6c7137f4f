using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

public sealed class EaseTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    // c1 {a, b}, c2 {a, b}, c3 {a}. XᵀX = [[3, 2], [2, 2]]; with λ = 1, G = [[4, 2], [2, 3]], det 8,
    // P = G⁻¹ = [[3, -2], [-2, 4]] / 8. B[a,b] = -P[a,b] / P[b,b] = (2/8) / (4/8) = 1/2; B[b,a] = (2/8) / (3/8) = 2/3.
    // c1 (a and b): score(a) = B[b,a] = 2/3, score(b) = B[a,b] = 1/2. c3 (a): score(b) = 1/2, score(a) = B[a,a] = 0.
    [Fact]
    public async Task ScoresWithTheClosedFormWeightsAndBackFillsWhatItCannotScore()
    {
        var data = new InMemoryData();
        foreach (var c in new[] { "c1", "c2" }) data.Buy(c, "a", Now.AddDays(-1)).Buy(c, "b", Now.AddDays(-1));
        data.Buy("c3", "a", Now.AddDays(-1));

        var lists = await Recommend(data, """{"lambda":1}""", [new("c1"), new("c3")], new RecommendationRequest(2));

        Assert.Equal([("a", "bought-together:b"), ("b", "bought-together:a")], lists[0].Select(r => (r.ItemId, r.Reason)));
        Assert.Equal(2 / 3.0, lists[0][0].Score, 1e-9);
        Assert.Equal(0.5, lists[0][1].Score, 1e-9);
        Assert.Equal([("b", "bought-together:a"), ("a", "popular")], lists[1].Select(r => (r.ItemId, r.Reason)));
        Assert.Equal(0.5, lists[1][0].Score, 1e-9);
    }

    [Fact]
    public async Task RecommendsWhatSimilarBasketsAddAndSkipsTheTrigger()
    {
        var data = new InMemoryData();
        foreach (var c in new[] { "p1", "p2", "p3" }) data.Buy(c, "tent", Now.AddDays(-2)).Buy(c, "stove", Now.AddDays(-2)).Buy(c, "gas", Now.AddDays(-2));
        foreach (var c in new[] { "q1", "q2", "q3", "q4" }) data.Buy(c, "mug", Now.AddDays(-2));
        data.Buy("me", "tent", Now.AddDays(-1));

        var lists = await Recommend(data, """{"lambda":1}""", [new("me")], new RecommendationRequest(2, TriggerItemId: "stove"));

        Assert.Equal([("gas", "bought-together:tent"), ("mug", "popular")], lists[0].Select(r => (r.ItemId, r.Reason)));
    }

    [Theory]
    [InlineData("""{"lambda":0}""")]
    [InlineData("""{"maxItems":5}""")]
    [InlineData("""{"eventTypes":[]}""")]
    public void InvalidOptionsAreRejected(string json) =>
        Assert.NotEmpty(plugins.Validate(StageKind.Recommender, "ease", json));

    private async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> Recommend(InMemoryData data, string options, Customer[] audience, RecommendationRequest request)
    {
        var context = BundledPluginsFixture.Context(data, new FakeClock(Now), plugins.NewDataFolder());
        var stage = plugins.Create<IRecommenderStage>(StageKind.Recommender, "ease", options, context);
        await stage.PrepareAsync(CancellationToken.None);
        return await stage.RecommendAsync(audience, request, CancellationToken.None);
    }
}
