using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

public sealed class BuyAgainTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RanksTheOftenAndRecentlyBoughtItemFirstAndBackFillsFromPopularity()
    {
        var data = new InMemoryData();
        // c1: "soap" three times lately, "old" three times a year ago, "once" once last week.
        foreach (var days in new[] { 5, 20, 40 }) data.Buy("c1", "soap", Now.AddDays(-days));
        foreach (var days in new[] { 360, 370, 380 }) data.Buy("c1", "old", Now.AddDays(-days));
        data.Buy("c1", "once", Now.AddDays(-7));
        foreach (var c in new[] { "c2", "c3", "c4" }) data.Buy(c, "hit", Now.AddDays(-3));
        data.Buy("c2", "second", Now.AddDays(-3)).Buy("c3", "second", Now.AddDays(-3));

        var lists = await Recommend(data, "{}", [new("c1"), new("stranger")], new RecommendationRequest(5));

        Assert.Equal(["soap", "once", "old", "hit", "second"], lists[0].Select(r => r.ItemId));
        Assert.Equal(["bought-before:3x", "bought-before:1x", "bought-before:3x", "popular", "popular"], lists[0].Select(r => r.Reason));
        Assert.True(lists[0].Zip(lists[0].Skip(1)).All(p => p.First.Score > p.Second.Score), "scores decrease along the list");
        // A stranger gets the popularity ranking: customers, then events, then id.
        Assert.Equal(["hit", "second", "old", "soap", "once"], lists[1].Select(r => r.ItemId));
    }

    [Fact]
    public async Task HalfLifeDecidesBetweenFrequentAndRecent()
    {
        var data = new InMemoryData();
        foreach (var days in new[] { 100, 101, 102 }) data.Buy("c1", "frequent", Now.AddDays(-days));
        data.Buy("c1", "recent", Now.AddDays(-1));

        var shortMemory = await Recommend(data, """{"halfLifeDays":7}""", [new("c1")], new RecommendationRequest(2));
        var longMemory = await Recommend(data, """{"halfLifeDays":3650}""", [new("c1")], new RecommendationRequest(2));

        Assert.Equal(["recent", "frequent"], shortMemory[0].Select(r => r.ItemId));
        Assert.Equal(["frequent", "recent"], longMemory[0].Select(r => r.ItemId));
    }

    [Fact]
    public async Task DueBoostLiftsTheItemWhoseUsualIntervalHasPassed()
    {
        var data = new InMemoryData();
        // "coffee" every 30 days, last 30 days ago: due. "tea" bought twice recently, every 30 days, last 2 days ago.
        data.Buy("c1", "coffee", Now.AddDays(-60)).Buy("c1", "coffee", Now.AddDays(-30));
        data.Buy("c1", "tea", Now.AddDays(-32)).Buy("c1", "tea", Now.AddDays(-2));

        var plain = await Recommend(data, "{}", [new("c1")], new RecommendationRequest(2));
        var boosted = await Recommend(data, """{"dueBoost":1}""", [new("c1")], new RecommendationRequest(2));

        Assert.Equal(["tea", "coffee"], plain[0].Select(r => r.ItemId));
        Assert.Equal(["coffee", "tea"], boosted[0].Select(r => r.ItemId));
    }

    [Fact]
    public async Task SkipsTheTriggerItemAndCountsOnlyTheEventTypes()
    {
        var data = new InMemoryData();
        data.Buy("c1", "a", Now.AddDays(-1)).Buy("c1", "b", Now.AddDays(-2)).Buy("c1", "viewed", Now.AddHours(-1), InteractionTypes.View);

        var lists = await Recommend(data, "{}", [new("c1")], new RecommendationRequest(3, TriggerItemId: "a"));

        Assert.Equal(["b"], lists[0].Select(r => r.ItemId));
    }

    [Theory]
    [InlineData("""{"halfLifeDays":0}""")]
    [InlineData("""{"dueBoost":-1}""")]
    [InlineData("""{"eventTypes":[]}""")]
    public void InvalidOptionsAreRejected(string json) =>
        Assert.NotEmpty(plugins.Validate(StageKind.Recommender, "buy-again", json));

    private async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> Recommend(InMemoryData data, string options, Customer[] audience, RecommendationRequest request)
    {
        var context = BundledPluginsFixture.Context(data, new FakeClock(Now), plugins.NewDataFolder());
        var stage = plugins.Create<IRecommenderStage>(StageKind.Recommender, "buy-again", options, context);
        await stage.PrepareAsync(CancellationToken.None);
        return await stage.RecommendAsync(audience, request, CancellationToken.None);
    }
}
