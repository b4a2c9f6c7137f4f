using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>
/// The recommenders keep only the best count + 1 candidates before sorting when a customer has many; a short list must
/// be exactly the head of the long one (which sorts every candidate), ties and the trigger item included.
/// </summary>
public sealed class TopSelectionTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("item-knn", "{}")]
    [InlineData("item-knn", """{"similarity":"jaccard","weighting":"log"}""")]
    [InlineData("ease", """{"lambda":5}""")]
    [InlineData("ials", """{"factors":8,"iterations":3}""")]
    public async Task A_short_list_is_the_head_of_the_fully_sorted_one(string key, string options)
    {
        var data = new InMemoryData();
        var random = new Random(11);
        // Small baskets over 80 items, popular ones more often: many candidates per customer and many equal scores.
        for (var c = 0; c < 300; c++)
            for (var n = random.Next(2, 9); n > 0; n--)
                data.Buy($"c{c}", $"i{(int)Math.Pow(80, random.NextDouble())}", Now.AddDays(-random.Next(1, 60)));
        Customer[] audience = [.. Enumerable.Range(0, 300).Select(c => new Customer($"c{c}"))];

        var stage = await Prepare(data, key, options);
        foreach (var trigger in new string?[] { null, "i1", "i2" })
        {
            var longLists = await stage.RecommendAsync(audience, new RecommendationRequest(500, trigger), CancellationToken.None);
            var shortLists = await stage.RecommendAsync(audience, new RecommendationRequest(3, trigger), CancellationToken.None);
            for (var c = 0; c < audience.Length; c++)
                Assert.Equal(longLists[c].Take(3), shortLists[c]);
        }
    }

    private async Task<IRecommenderStage> Prepare(InMemoryData data, string key, string options)
    {
        var context = BundledPluginsFixture.Context(data, new FakeClock(Now), plugins.NewDataFolder());
        var stage = plugins.Create<IRecommenderStage>(StageKind.Recommender, key, options, context);
        await stage.PrepareAsync(CancellationToken.None);
        return stage;
    }
}
