using Campaigns.Models;
using Campaigns.Stages;
using Campaigns.Data;
using Campaigns.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Models;

/// <summary>
/// The retraining loop end to end on the sample data, with the real plugins from disk: versions, the gate, rollback,
/// the planner using the live version, refusals, and two hosts promoting at once. Runs on SQLite and PostgreSQL.
/// </summary>
/// <remarks>
/// On the sample's last 30 days as hold-out, item-knn trained on the 30 days before scores nDCG@10 about 0.053, on 120
/// days of older, staler purchases about 0.033 (worse), on the last 3 days about 0.066 (better): recent buying predicts
/// the next month best in this shop. The figures are deterministic, so the test can say which must win.
/// </remarks>
public abstract class RetrainingTests
{
    private const string ItemKnn = "item-knn";
    private const string Options = """{ "neighbours": 30 }""";

    private protected abstract bool Postgres { get; }

    [Fact]
    public async Task First_round_makes_version_1_live_with_its_window_and_metrics()
    {
        await using var stack = await ModelStack.CreateAsync(Postgres);
        var result = await stack.RetrainAsync(ItemKnn, Options, windowDays: 30);

        var model = result.Model;
        Assert.Null(result.PreviousLive);
        Assert.Equal((1, ModelStatus.Live, "ndcg@10"), (model.Version, model.Status, model.GateMetric));
        Assert.True(model.Score > 0, $"ndcg@10 {model.Score}");
        Assert.True(model.Metrics["holdout-customers"] > 10);
        // The sample's last purchase is at 2011-12-08 16:29 UTC: 30 days of hold-out before it, 30 days of training before that.
        Assert.Equal(new DateTimeOffset(2011, 11, 8, 16, 29, 0, TimeSpan.Zero), model.DataUntil);
        Assert.Equal(TimeSpan.FromDays(30), model.DataUntil - model.DataFrom);
        Assert.StartsWith("first version", model.Reason, StringComparison.Ordinal);
        Assert.Equal(model.Size, (await stack.Registry.GetArtefactAsync(model.Id, CancellationToken.None)).Length);
    }

    [Fact]
    public async Task A_worse_candidate_is_rejected_a_better_one_goes_live_and_rollback_brings_version_1_back_into_plans()
    {
        await using var stack = await ModelStack.CreateAsync(Postgres);
        var v1 = (await stack.RetrainAsync(ItemKnn, Options, windowDays: 30)).Model;

        var v2 = (await stack.RetrainAsync(ItemKnn, Options, windowDays: 120)).Model;
        Assert.Equal((2, ModelStatus.Rejected), (v2.Version, v2.Status));
        Assert.True(v2.Score < v1.Score, $"v2 {v2.Score} v1 {v1.Score}");
        Assert.Equal(v1.Score, v2.Metrics["live.ndcg@10"], 12);
        Assert.Contains("item-knn v1 stays live", v2.Reason, StringComparison.Ordinal);
        Assert.Contains(v2.Score.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), v2.Reason, StringComparison.Ordinal);
        Assert.Equal(v1.Id, (await stack.Registry.GetLiveAsync(ItemKnn, v1.OptionsHash, CancellationToken.None))?.Id);

        var v3 = (await stack.RetrainAsync(ItemKnn, Options, windowDays: 3)).Model;
        Assert.Equal((3, ModelStatus.Live), (v3.Version, v3.Status));
        Assert.True(v3.Score > v1.Score, $"v3 {v3.Score} v1 {v1.Score}");
        var (planV3, rowsV3) = await stack.PlanAsync("knn-before-rollback", """ "key": "item-knn", "count": 3, "options": { "neighbours": 30 } """, """ "key": "fixed-local-time", "options": { "at": "10:00" } """);
        Assert.Equal("item-knn v3", planV3.RecommenderModel);

        var live = await stack.Registry.RollbackAsync(ItemKnn, v1.OptionsHash, 1, "test", CancellationToken.None);
        Assert.Equal((1, ModelStatus.Live), (live.Version, live.Status));
        Assert.Equal(ModelStatus.Retired, (await stack.Registry.GetAsync(v3.Id, CancellationToken.None))!.Status);
        Assert.Single(await stack.Registry.ListAsync(ItemKnn, CancellationToken.None), m => m.Status == ModelStatus.Live);

        var (plan, rows) = await stack.PlanAsync("knn-after-rollback", """ "key": "item-knn", "count": 3, "options": { "neighbours": 30 } """, """ "key": "fixed-local-time", "options": { "at": "10:00" } """);
        Assert.Equal("item-knn v1", plan.RecommenderModel);
        var planned = rows.Where(r => r.State == DeliveryState.Planned).ToList();
        Assert.True(planned.Count > 50, $"planned {planned.Count}");
        // The messages name exactly the items version 1's artefact recommends, and not what version 3 recommended.
        var expected = await RecommendAsync(stack, v1, planned.Select(r => r.CustomerId).ToList());
        foreach (var row in planned) Assert.Equal(expected[row.CustomerId], row.ItemIds);
        var before = rowsV3.ToDictionary(r => r.CustomerId, r => string.Join(',', r.ItemIds));
        Assert.Contains(planned, r => before.GetValueOrDefault(r.CustomerId) != string.Join(',', r.ItemIds));
    }

    [Fact]
    public async Task A_timing_model_is_versioned_and_plans_record_its_version()
    {
        await using var stack = await ModelStack.CreateAsync(Postgres);
        var model = (await stack.RetrainAsync("bayes-hour-of-week", """{ "exploration": "off" }""", windowDays: 365)).Model;
        Assert.Equal((1, ModelStatus.Live, "exact-hour"), (model.Version, model.Status, model.GateMetric));
        Assert.True(model.Score > 0.05, $"exact-hour {model.Score}");
        Assert.Equal("bayes-hour-of-week/1", model.Format);

        var (plan, rows) = await stack.PlanAsync("bayes-live", """ "key": "most-popular", "count": 3, "options": { "windowDays": 30 } """, """ "key": "bayes-hour-of-week", "options": { "exploration": "off" } """);
        Assert.Equal("bayes-hour-of-week v1", plan.TimingModel);
        Assert.Null(plan.RecommenderModel);
        Assert.All(rows.Where(r => r.State == DeliveryState.Planned), r => Assert.Contains("\"model\":\"bayes-hour-of-week v1\"", r.Decision, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stages_without_the_feature_and_unknown_versions_are_refused_with_a_clear_message()
    {
        await using var stack = await ModelStack.CreateAsync(Postgres);
        var refused = await Assert.ThrowsAsync<ModelException>(() => stack.RetrainAsync("most-popular", null, windowDays: 30));
        Assert.Contains("most-popular cannot be retrained", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await stack.Registry.ListAsync(null, CancellationToken.None));

        var v1 = (await stack.RetrainAsync(ItemKnn, Options, windowDays: 30)).Model;
        var unknown = await Assert.ThrowsAsync<ModelException>(() => stack.Registry.RollbackAsync(ItemKnn, v1.OptionsHash, 7, "test", CancellationToken.None));
        Assert.Contains("has no version 7; its versions are: 1", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(ModelStatus.Live, (await stack.Registry.GetAsync(v1.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Two_hosts_promoting_at_once_leave_exactly_one_live()
    {
        await using var first = await ModelStack.CreateAsync(Postgres);
        await using var second = first.AnotherHost();
        // Both candidates were measured while nothing was live, and both hosts decide to promote at the same moment.
        var a = await first.Registry.AddCandidateAsync(Candidate(), DateTimeOffset.UnixEpoch, CancellationToken.None);
        var b = await second.Registry.AddCandidateAsync(Candidate(), DateTimeOffset.UnixEpoch, CancellationToken.None);
        var decided = await Task.WhenAll(
            Task.Run(() => first.Registry.DecideAsync(a.Id, null, promote: true, "first version", CancellationToken.None)),
            Task.Run(() => second.Registry.DecideAsync(b.Id, null, promote: true, "first version", CancellationToken.None)));

        var models = await first.Registry.ListAsync(ItemKnn, CancellationToken.None);
        Assert.Equal([1, 2], models.Select(m => m.Version).Order());
        var live = Assert.Single(models, m => m.Status == ModelStatus.Live);
        // Whichever decided second found a live version it was not measured against, and did not overwrite it.
        var loser = Assert.Single(decided, m => m.Status == ModelStatus.Rejected);
        Assert.NotEqual(live.Id, loser.Id);
        Assert.StartsWith($"superseded: {live.Label} went live", loser.Reason, StringComparison.Ordinal);
    }

    private static ModelCandidate Candidate() => new(ItemKnn, "0123456789abcdef", "{}", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1),
        "ndcg@10", new Dictionary<string, double> { ["ndcg@10"] = 0.1 }, new Dictionary<string, double>(), "item-knn/1", [1, 2, 3]);

    /// <summary>What a fresh item-knn stage loaded with <paramref name="model"/>'s artefact recommends, three items each.</summary>
    private static async Task<Dictionary<string, IReadOnlyList<string>>> RecommendAsync(ModelStack stack, StoredModel model, IReadOnlyList<string> customers)
    {
        var registration = stack.Services.GetRequiredService<StageRegistry>().All.Single(s => s.Key == ItemKnn);
        var stage = (IRecommenderStage)registration.Create(stack.Services.GetRequiredService<Planning.StageContextFactory>()
            .Create(new CampaignRunInfo("test", 1, "once"), registration),
            System.Text.Json.JsonSerializer.Deserialize(Options, registration.OptionsType, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!);
        ((ITrainableStage)stage).LoadModel(new TrainedModel(model.Format, await stack.Registry.GetArtefactAsync(model.Id, CancellationToken.None)));
        var lists = await stage.RecommendAsync([.. customers.Select(c => new Customer(c))], new RecommendationRequest(3), CancellationToken.None);
        return customers.Select((c, i) => (c, (IReadOnlyList<string>)[.. lists[i].Select(r => r.ItemId)])).ToDictionary(x => x.c, x => x.Item2);
    }
}

/// <summary>The retraining loop on the embedded database.</summary>
public sealed class SqliteRetrainingTests : RetrainingTests
{
    private protected override bool Postgres => false;
}

/// <summary>The retraining loop on PostgreSQL.</summary>
public sealed class PostgresRetrainingTests : RetrainingTests
{
    private protected override bool Postgres => true;
}
