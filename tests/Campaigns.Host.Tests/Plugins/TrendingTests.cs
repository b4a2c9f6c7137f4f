using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

public sealed class TrendingTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly Customer[] Audience = [new("x"), new("y")];

    [Fact]
    public async Task PrefersTheRecentlySurgingItemOverOneThatSoldMoreWeeksAgo()
    {
        var data = new InMemoryData();
        for (var n = 0; n < 10; n++) data.Buy($"old{n}", "steady", Now.AddDays(-21));
        for (var n = 0; n < 4; n++) data.Buy($"new{n}", "surging", Now.AddDays(-1));
        data.Buy("c", "ancient", Now.AddDays(-40));

        var lists = await Recommend(data, "{}", new RecommendationRequest(5));

        // surging: 4 · 0.5^(1/7) ≈ 3.62; steady: 10 · 0.5^(21/7) = 1.25; ancient is outside the 30-day window.
        Assert.Equal(["surging", "steady"], lists[0].Select(r => r.ItemId));
        Assert.Equal(4 * Math.Pow(0.5, 1 / 7.0), lists[0][0].Score, 1e-9);
        Assert.Equal(1.25, lists[0][1].Score, 1e-9);
        Assert.All(lists[0], r => Assert.Equal("trending", r.Reason));
        Assert.Same(lists[0], lists[1]);
    }

    [Fact]
    public async Task ALongHalfLifeIsPlainPopularityAndTheTriggerIsSkipped()
    {
        var data = new InMemoryData();
        for (var n = 0; n < 10; n++) data.Buy($"old{n}", "steady", Now.AddDays(-21));
        for (var n = 0; n < 4; n++) data.Buy($"new{n}", "surging", Now.AddDays(-1));
        data.Buy("c", "other", Now.AddDays(-2));

        var slow = await Recommend(data, """{"halfLifeDays":365}""", new RecommendationRequest(2));
        var skipped = await Recommend(data, "{}", new RecommendationRequest(2, TriggerItemId: "surging"));

        Assert.Equal(["steady", "surging"], slow[0].Select(r => r.ItemId));
        Assert.Equal(["steady", "other"], skipped[0].Select(r => r.ItemId));
    }

    [Fact]
    public async Task HistoricDataUsesTheWindowEndingAtTheLatestEvent()
    {
        var latest = new DateTimeOffset(2011, 12, 9, 12, 50, 0, TimeSpan.Zero);
        var data = new InMemoryData();
        data.Buy("c1", "recent", latest).Buy("c2", "earlier", latest.AddDays(-10));

        var auto = await Recommend(data, "{}", new RecommendationRequest(5));
        var now = await Recommend(data, """{"anchor":"now"}""", new RecommendationRequest(5));

        Assert.Equal(["recent", "earlier"], auto[0].Select(r => r.ItemId));
        Assert.Empty(now[0]);
    }

    [Theory]
    [InlineData("""{"halfLifeDays":0}""")]
    [InlineData("""{"windowDays":0}""")]
    [InlineData("""{"eventTypes":[]}""")]
    [InlineData("""{"anchor":"tomorrow"}""")]
    public void InvalidOptionsAreRejected(string json) =>
        Assert.NotEmpty(plugins.Validate(StageKind.Recommender, "trending", json));

    private async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> Recommend(InMemoryData data, string options, RecommendationRequest request)
    {
        var context = BundledPluginsFixture.Context(data, new FakeClock(Now), plugins.NewDataFolder());
        var stage = plugins.Create<IRecommenderStage>(StageKind.Recommender, "trending", options, context);
        await stage.PrepareAsync(CancellationToken.None);
        return await stage.RecommendAsync(Audience, request, CancellationToken.None);
    }
}
