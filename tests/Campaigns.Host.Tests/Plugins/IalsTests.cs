using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

public sealed class IalsTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Recommends_what_customers_of_the_same_taste_bought_and_the_same_seed_gives_the_same_lists()
    {
        // Two tastes: campers buy from {tent, stove, gas, lamp}, bakers from {flour, tin, whisk, apron}; each customer
        // misses one item of their group. A new camper with a tent and a stove should be offered camping gear, not baking.
        var data = new InMemoryData();
        string[] camping = ["tent", "stove", "gas", "lamp"], baking = ["flour", "tin", "whisk", "apron"];
        for (var c = 0; c < 40; c++)
        {
            var group = c % 2 == 0 ? camping : baking;
            for (var i = 0; i < group.Length; i++)
                if (i != (c / 2) % group.Length) data.Buy($"c{c}", group[i], Now.AddDays(-1 - i));
        }
        data.Buy("me", "tent", Now.AddDays(-1)).Buy("me", "stove", Now.AddDays(-1));

        // Two factors: one per taste is the best fit of two separate groups.
        var first = await Recommend(data, """{"factors":2,"regularization":0.1,"iterations":30}""", new RecommendationRequest(3));
        var again = await Recommend(data, """{"factors":2,"regularization":0.1,"iterations":30}""", new RecommendationRequest(3));

        Assert.All(first[0], r => Assert.Contains(r.ItemId, camping));
        Assert.Equal("similar-taste", first[0][0].Reason);
        Assert.Equal(first[0].Select(r => (r.ItemId, r.Score)), again[0].Select(r => (r.ItemId, r.Score)));
    }

    [Theory]
    [InlineData("""{"factors":1}""")]
    [InlineData("""{"regularization":0}""")]
    [InlineData("""{"iterations":0}""")]
    [InlineData("""{"alpha":-1}""")]
    public void InvalidOptionsAreRejected(string json) =>
        Assert.NotEmpty(plugins.Validate(StageKind.Recommender, "ials", json));

    private async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> Recommend(InMemoryData data, string options, RecommendationRequest request)
    {
        var context = BundledPluginsFixture.Context(data, new FakeClock(Now), plugins.NewDataFolder());
        var stage = plugins.Create<IRecommenderStage>(StageKind.Recommender, "ials", options, context);
        await stage.PrepareAsync(CancellationToken.None);
        return await stage.RecommendAsync([new Customer("me")], request, CancellationToken.None);
    }
}
