using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

public sealed class UserKnnTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private const string Ratings = """{"eventTypes":["rating"],"ratingFrom":"value"}""";
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    // The worked example, by hand. Norms over all of each user's ratings:
    //   |u1| = sqrt(5² + 3²) = sqrt(34), |u2| = sqrt(4² + 5²) = sqrt(41), |u3| = sqrt(4² + 3²) = 5.
    //   sim(u1,u2) = (5·4 on i1) / (sqrt(34)·sqrt(41)) = 20 / sqrt(1394)  ≈ 0.535672
    //   sim(u1,u3) = (3·4 on i2) / (sqrt(34)·5)        = 12 / (5·sqrt(34)) ≈ 0.411597
    // Only u2 rated i3: r(u1,i3) = sim(u1,u2)·5 / |sim(u1,u2)| = 5. Only u3 rated i4: r(u1,i4) = sim(u1,u3)·3 / |sim(u1,u3)| = 3.
    // u1's own items are predicted from the others too: r(u1,i1) = 4 (u2 only), r(u1,i2) = 4 (u3 only).
    [Fact]
    public async Task ReproducesTheWorkedExampleExactly()
    {
        var data = WorkedExample();

        var lists = await Recommend(data, Ratings, [new("u1")], new RecommendationRequest(4));

        // i1 and i2 tie at 4: both have two raters and two events, so the id decides.
        Assert.Equal(["i3", "i1", "i2", "i4"], lists[0].Select(r => r.ItemId));
        Assert.Equal(5.0, lists[0][0].Score, 1e-9);
        Assert.Equal(4.0, lists[0][1].Score, 1e-9);
        Assert.Equal(4.0, lists[0][2].Score, 1e-9);
        Assert.Equal(3.0, lists[0][3].Score, 1e-9);
        Assert.All(lists[0], r => Assert.Equal("similar-customers:1", r.Reason));
    }

    // In the worked example no item has two raters besides u1, so each prediction is one neighbour's rating and the
    // similarities cancel out. Adding i5, rated 2 by u2 and 4 by u3, makes them visible:
    //   |u2| = sqrt(16 + 25 + 4) = sqrt(45), |u3| = sqrt(16 + 9 + 16) = sqrt(41), |u1| = sqrt(34) as before.
    //   sim(u1,u2) = 20 / sqrt(34·45) ≈ 0.511310, sim(u1,u3) = 12 / sqrt(34·41) ≈ 0.321403
    //   r(u1,i5) = (2·sim(u1,u2) + 4·sim(u1,u3)) / (sim(u1,u2) + sim(u1,u3)) ≈ 2.771942
    // With k = 1 only the most similar rater of i5 counts: u2, so r(u1,i5) = 2.
    [Fact]
    public async Task WeighsNeighboursByCosineSimilarityAndKeepsTheKMostSimilarRaters()
    {
        var data = WorkedExample().Rate("u2", "i5", 2).Rate("u3", "i5", 4);
        var s12 = 20 / Math.Sqrt(34 * 45);
        var s13 = 12 / Math.Sqrt(34 * 41);

        var all = await Recommend(data, Ratings, [new("u1")], new RecommendationRequest(5));
        var nearest = await Recommend(data, Ratings.Replace("}", ""","neighbours":1}"""), [new("u1")], new RecommendationRequest(5));

        var i5 = Assert.Single(all[0], r => r.ItemId == "i5");
        Assert.Equal((2 * s12 + 4 * s13) / (s12 + s13), i5.Score, 1e-9);
        Assert.Equal("similar-customers:2", i5.Reason);
        Assert.Equal(2.0, Assert.Single(nearest[0], r => r.ItemId == "i5").Score, 1e-9);
    }

    [Fact]
    public async Task PurchasesCountAsRatingsAndStrangersGetPopularItems()
    {
        var data = new InMemoryData();
        data.Buy("me", "tent", Now.AddDays(-3));
        data.Buy("twin", "tent", Now.AddDays(-2)).Buy("twin", "stove", Now.AddDays(-2));
        foreach (var c in new[] { "c1", "c2", "c3" }) data.Buy(c, "mug", Now.AddDays(-1));

        var lists = await Recommend(data, "{}", [new("me"), new("stranger")], new RecommendationRequest(3));

        Assert.Equal([("tent", "similar-customers:1"), ("stove", "similar-customers:1"), ("mug", "popular")], lists[0].Select(r => (r.ItemId, r.Reason)));
        Assert.Equal(["mug", "tent", "stove"], lists[1].Select(r => r.ItemId));
    }

    [Theory]
    [InlineData("""{"neighbours":0}""")]
    [InlineData("""{"ratingFrom":"stars"}""")]
    [InlineData("""{"eventTypes":[]}""")]
    public void InvalidOptionsAreRejected(string json) =>
        Assert.NotEmpty(plugins.Validate(StageKind.Recommender, "user-knn", json));

    private static InMemoryData WorkedExample() => new InMemoryData()
        .Rate("u1", "i1", 5).Rate("u1", "i2", 3)
        .Rate("u2", "i1", 4).Rate("u2", "i3", 5)
        .Rate("u3", "i2", 4).Rate("u3", "i4", 3);

    private async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> Recommend(InMemoryData data, string options, Customer[] audience, RecommendationRequest request)
    {
        var context = BundledPluginsFixture.Context(data, new FakeClock(Now), plugins.NewDataFolder());
        var stage = plugins.Create<IRecommenderStage>(StageKind.Recommender, "user-knn", options, context);
        await stage.PrepareAsync(CancellationToken.None);
        return await stage.RecommendAsync(audience, request, CancellationToken.None);
    }
}

internal static class RatingData
{
    /// <summary>Adds a <c>rating</c> event whose value is the rating.</summary>
    public static InMemoryData Rate(this InMemoryData data, string customerId, string itemId, decimal rating)
    {
        data.Events.Add(new Interaction(customerId, itemId, InteractionTypes.Rating, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), Value: rating));
        return data;
    }
}
