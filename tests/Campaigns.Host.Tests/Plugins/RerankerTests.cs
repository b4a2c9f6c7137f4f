using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

public sealed class RerankerTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    // One 90-day label window, so the window holds exactly the refills' return (see Shop).
    private const string SmallModel = """{"labelWindows":1,"labelDays":90,"trees":40,"minRowsPerLeaf":5,"candidates":[{"key":"buy-again","depth":10}]}""";

    // 40 customers, each with 2 "refill" items (bought on two separate days, then again in every later period) and
    // "one-off" items (bought once, on one day, as 3 order lines). buy-again weighs order lines, so the one-offs lead its
    // list; what customers buy next is only ever their refills, which only the history features (days bought, the
    // item's repurchase rate) reveal. The model learns that from the inner window (the last 90 days) alone.
    private static InMemoryData Shop()
    {
        var data = new InMemoryData();
        for (var k = 0; k < 40; k++)
        {
            var c = $"c{k:00}";
            foreach (var refill in Refills(k))
            {
                data.Buy(c, refill, Now.AddDays(-200)).Buy(c, refill, Now.AddDays(-150)).Buy(c, refill, Now.AddDays(-40));
            }
            foreach (var (item, day) in new[] { ($"once{k % 7}", -120), ($"once{(k + 3) % 7}", -120), ($"new{k % 5}", -30), ($"new{(k + 2) % 5}", -30) })
            {
                for (var line = 0; line < 3; line++) data.Buy(c, item, Now.AddDays(day).AddMinutes(line));
            }
        }
        return data;
    }

    private static string[] Refills(int k) => [$"refill{k % 6}", $"refill{(k + 1) % 6}"];

    [Fact]
    public async Task LearnsThatRefillsComeBackAndBeatsItsCandidateSource()
    {
        var audience = Enumerable.Range(0, 40).Select(k => new Customer($"c{k:00}")).ToArray();

        var reranked = await Recommend("reranker", SmallModel, Shop(), audience, new RecommendationRequest(2));
        var source = await Recommend("buy-again", "{}", Shop(), audience, new RecommendationRequest(2));

        for (var k = 0; k < audience.Length; k++)
        {
            Assert.Equal(Refills(k).Order(), reranked[k].Select(r => r.ItemId).Order());
            Assert.True(reranked[k][0].Score >= reranked[k][1].Score);
            // The reason is the source's: the re-ranker orders, it does not explain differently.
            Assert.All(reranked[k], r => Assert.StartsWith("bought-before:", r.Reason, StringComparison.Ordinal));
        }
        var sourceHits = source.Select((list, k) => list.Count(r => Refills(k).Contains(r.ItemId))).Sum();
        Assert.Equal(0, sourceHits);
    }

    [Fact]
    public async Task TheSameSeedTrainsTheSameModel()
    {
        Customer[] audience = [new("c01"), new("c02"), new("c17")];
        var options = """{"labelWindows":1,"labelDays":90,"trees":40,"minRowsPerLeaf":5,"seed":7,"candidates":[{"key":"buy-again","depth":10},{"key":"item-knn","depth":10}]}""";

        var first = await Recommend("reranker", options, Shop(), audience, new RecommendationRequest(6));
        var second = await Recommend("reranker", options, Shop(), audience, new RecommendationRequest(6));

        Assert.Equal(Flatten(first), Flatten(second));
    }

    [Fact]
    public async Task WithNothingToLearnTheCandidatesKeepTheirSourcesOrder()
    {
        // Anchored at now, the default label windows (four of 45 days, 30 apart: the last 135 days) hold no purchase: no labels, so no model.
        var data = new InMemoryData();
        data.Buy("c1", "a", Now.AddDays(-200)).Buy("c1", "b", Now.AddDays(-150)).Buy("c1", "b", Now.AddDays(-149)).Buy("c2", "c", Now.AddDays(-150));
        var options = """{"anchor":"now","candidates":[{"key":"buy-again","depth":5}]}""";

        var lists = await Recommend("reranker", options, data, [new("c1")], new RecommendationRequest(3));
        var source = await Recommend("buy-again", "{}", data, [new("c1")], new RecommendationRequest(3));

        Assert.Equal(source[0].Select(r => r.ItemId), lists[0].Select(r => r.ItemId));
        Assert.Equal(["b", "a", "c"], lists[0].Select(r => r.ItemId));
    }

    [Fact]
    public async Task EarlierLabelWindowsTeachWhatAQuietLastMonthCannot()
    {
        // The refills come back 45 days before now, nothing is bought in the last 30 days: one 30-day window has no
        // labels (the candidates keep buy-again's order, one-offs first); two windows learn from the month before.
        var data = new InMemoryData();
        for (var k = 0; k < 40; k++)
        {
            var c = $"c{k:00}";
            foreach (var refill in Refills(k)) data.Buy(c, refill, Now.AddDays(-200)).Buy(c, refill, Now.AddDays(-150)).Buy(c, refill, Now.AddDays(-45));
            foreach (var item in new[] { $"once{k % 7}", $"once{(k + 3) % 7}" })
            {
                for (var line = 0; line < 10; line++) data.Buy(c, item, Now.AddDays(-120).AddMinutes(line));
            }
        }
        var audience = Enumerable.Range(0, 40).Select(k => new Customer($"c{k:00}")).ToArray();
        const string OneWindow = """{"anchor":"now","labelDays":30,"labelWindows":1,"trees":40,"minRowsPerLeaf":5,"candidates":[{"key":"buy-again","depth":10}]}""";
        const string TwoWindows = """{"anchor":"now","labelDays":30,"labelWindows":2,"windowStepDays":30,"trees":40,"minRowsPerLeaf":5,"candidates":[{"key":"buy-again","depth":10}]}""";

        var single = await Recommend("reranker", OneWindow, data, audience, new RecommendationRequest(2));
        var stacked = await Recommend("reranker", TwoWindows, data, audience, new RecommendationRequest(2));

        for (var k = 0; k < audience.Length; k++)
        {
            Assert.All(single[k], r => Assert.StartsWith("once", r.ItemId, StringComparison.Ordinal));
            Assert.Equal(Refills(k).Order(), stacked[k].Select(r => r.ItemId).Order());
        }
    }

    [Fact]
    public async Task TheBinaryObjectiveLearnsTheRefillsToo()
    {
        var audience = Enumerable.Range(0, 40).Select(k => new Customer($"c{k:00}")).ToArray();
        const string Options = """{"objective":"binary","labelWindows":1,"labelDays":90,"trees":40,"minRowsPerLeaf":5,"candidates":[{"key":"buy-again","depth":10}]}""";

        var lists = await Recommend("reranker", Options, Shop(), audience, new RecommendationRequest(2));

        for (var k = 0; k < audience.Length; k++) Assert.Equal(Refills(k).Order(), lists[k].Select(r => r.ItemId).Order());
    }

    [Theory]
    [InlineData("lambdarank")]
    [InlineData("blend")]
    public async Task EveryBagCanLearnTheSameOrOneKindOfRankerInTurn(string objective)
    {
        // A blend of two (one LambdaRank, one binary ranker, each divided by its own spread) learns what either does alone.
        var audience = Enumerable.Range(0, 40).Select(k => new Customer($"c{k:00}")).ToArray();
        var options = $$"""{"objective":"{{objective}}","bags":2,"labelWindows":1,"labelDays":90,"trees":40,"minRowsPerLeaf":5,"candidates":[{"key":"buy-again","depth":10}]}""";

        var lists = await Recommend("reranker", options, Shop(), audience, new RecommendationRequest(2));
        var again = await Recommend("reranker", options, Shop(), audience, new RecommendationRequest(2));

        for (var k = 0; k < audience.Length; k++) Assert.Equal(Refills(k).Order(), lists[k].Select(r => r.ItemId).Order());
        Assert.Equal(Flatten(lists), Flatten(again));
    }

    [Fact]
    public async Task TheLambdaMartObjectiveLearnsTheRefillsToo()
    {
        var audience = Enumerable.Range(0, 40).Select(k => new Customer($"c{k:00}")).ToArray();
        const string Options = """{"objective":"lambdamart","truncation":2,"learningRate":0.2,"labelWindows":1,"labelDays":90,"trees":40,"minRowsPerLeaf":5,"candidates":[{"key":"buy-again","depth":10}]}""";

        var lists = await Recommend("reranker", Options, Shop(), audience, new RecommendationRequest(2));
        var again = await Recommend("reranker", Options, Shop(), audience, new RecommendationRequest(2));

        for (var k = 0; k < audience.Length; k++) Assert.Equal(Refills(k).Order(), lists[k].Select(r => r.ItemId).Order());
        Assert.Equal(Flatten(lists), Flatten(again));
    }

    [Theory]
    [InlineData("""{"peers":0,"seasonalAge":false,"labelWindows":1,"labelDays":90,"trees":40,"minRowsPerLeaf":5,"candidates":[{"key":"buy-again","depth":10}]}""")]
    [InlineData("""{"peers":5,"peerHalfLifeDays":7,"labelWindows":1,"labelDays":90,"trees":40,"minRowsPerLeaf":5,"candidates":[{"key":"buy-again","depth":10}]}""")]
    public async Task WithOrWithoutPeersAndSeasonalAgeItLearnsTheRefills(string options)
    {
        var audience = Enumerable.Range(0, 40).Select(k => new Customer($"c{k:00}")).ToArray();

        var lists = await Recommend("reranker", options, Shop(), audience, new RecommendationRequest(2));

        for (var k = 0; k < audience.Length; k++) Assert.Equal(Refills(k).Order(), lists[k].Select(r => r.ItemId).Order());
    }

    [Theory]
    [InlineData("""{"bags":3,"bagStepDays":0,"featureFraction":0.7,"labelWindows":1,"labelDays":90,"trees":40,"minRowsPerLeaf":5,"candidates":[{"key":"buy-again","depth":10}]}""")]
    [InlineData("""{"bags":2,"bagStepDays":30,"labelWindows":1,"labelDays":90,"trees":40,"minRowsPerLeaf":5,"candidates":[{"key":"buy-again","depth":10}]}""")]
    public async Task ABagOfRankersLearnsTheRefillsToo(string options)
    {
        var audience = Enumerable.Range(0, 40).Select(k => new Customer($"c{k:00}")).ToArray();

        var lists = await Recommend("reranker", options, Shop(), audience, new RecommendationRequest(2));
        var again = await Recommend("reranker", options, Shop(), audience, new RecommendationRequest(2));

        for (var k = 0; k < audience.Length; k++) Assert.Equal(Refills(k).Order(), lists[k].Select(r => r.ItemId).Order());
        Assert.Equal(Flatten(lists), Flatten(again)); // each bag's seed is fixed, so the mean is too
    }

    [Fact]
    public async Task TheTriggerItemIsNeverRecommended()
    {
        var lists = await Recommend("reranker", SmallModel, Shop(), [new("c00")], new RecommendationRequest(5, TriggerItemId: "refill0"));

        Assert.NotEmpty(lists[0]);
        Assert.DoesNotContain(lists[0], r => r.ItemId == "refill0");
    }

    [Theory]
    [InlineData("""{"candidates":[{"key":"nope"}]}""", "candidates[0].key")]
    [InlineData("""{"candidates":[{"key":"buy-again"},{"key":"reranker"}]}""", "candidates[1].key")]
    [InlineData("""{"candidates":[{"key":"buy-again","depth":0}]}""", "candidates[0].depth")]
    [InlineData("""{"candidates":[{"key":"ease"},{"key":"buy-again","options":{"halfLifeDays":0}}]}""", "candidates[1].options.halfLifeDays")]
    [InlineData("""{"candidates":[{"key":"item-knn","options":{"bogus":1}}]}""", "candidates[0].options")]
    [InlineData("""{"candidates":[]}""", "candidates")]
    [InlineData("""{"labelDays":3}""", "labelDays")]
    [InlineData("""{"leaves":1}""", "leaves")]
    [InlineData("""{"learningRate":0}""", "learningRate")]
    [InlineData("""{"anchor":"yesterday"}""", "anchor")]
    [InlineData("""{"labelWindows":0}""", "labelWindows")]
    [InlineData("""{"labelWindows":13}""", "labelWindows")]
    [InlineData("""{"windowStepDays":0}""", "windowStepDays")]
    [InlineData("""{"objective":"pointwise"}""", "objective")]
    [InlineData("""{"bags":0}""", "bags")]
    [InlineData("""{"bags":9}""", "bags")]
    [InlineData("""{"bagStepDays":-1}""", "bagStepDays")]
    [InlineData("""{"featureFraction":0}""", "featureFraction")]
    [InlineData("""{"l2Regularization":-1}""", "l2Regularization")]
    [InlineData("""{"objective":"lambdamart","truncation":0}""", "truncation")]
    [InlineData("""{"peers":-1}""", "peers")]
    [InlineData("""{"peers":5001}""", "peers")]
    [InlineData("""{"peerHalfLifeDays":0}""", "peerHalfLifeDays")]
    public void InvalidOptionsAreRejectedWithTheirPath(string json, string path) =>
        Assert.Equal([path], plugins.ValidationPaths(StageKind.Recommender, "reranker", json));

    [Fact]
    public void AnUnknownSourceIsNamedWithTheSourcesThatExist() =>
        Assert.Contains(plugins.Validate(StageKind.Recommender, "reranker", """{"candidates":[{"key":"reranker"}]}"""),
            e => e.Contains("'reranker' is not a candidate source; use one of: buy-again, item-knn, ease", StringComparison.Ordinal));

    private static IEnumerable<string> Flatten(IReadOnlyList<IReadOnlyList<Recommendation>> lists) =>
        lists.SelectMany(l => l.Select(r => $"{r.ItemId}:{r.Score:R}:{r.Reason}"));

    private async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> Recommend(string key, string options, InMemoryData data, Customer[] audience, RecommendationRequest request)
    {
        var context = BundledPluginsFixture.Context(data, new FakeClock(Now), plugins.NewDataFolder());
        var stage = plugins.Create<IRecommenderStage>(StageKind.Recommender, key, options, context);
        await stage.PrepareAsync(CancellationToken.None);
        return await stage.RecommendAsync(audience, request, CancellationToken.None);
    }
}
