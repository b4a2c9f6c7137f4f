using System.Text;
using System.Text.Json;
using Campaigns.Campaign;
using Campaigns.Host.Segments;
using Campaigns.Models;
using Campaigns.Planning;
using Campaigns.Scheduling;
using Campaigns.Segments;
using Campaigns.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Models;

/// <summary>
/// ML audiences as versioned models, end to end on the sample data with the real plugins from disk: retraining makes a
/// live version, the segment preview (the API's and dashboard's handler) uses it and takes exactly the customers a
/// campaign run with it takes, a rollback changes what the preview returns, and bad options are refused by field.
/// </summary>
public abstract class AudienceModelTests
{
    private const string KMeans = "kmeans-segment";
    private const string Propensity = "propensity-segment";

    private protected abstract bool Postgres { get; }

    [Fact]
    public async Task A_live_kmeans_model_serves_previews_and_campaigns_alike_and_a_rollback_changes_the_preview()
    {
        await using var stack = await ModelStack.CreateAsync(Postgres);
        var v1 = (await stack.RetrainAsync(KMeans, """{ "kMax": 4 }""", windowDays: 365)).Model;
        Assert.Equal((1, ModelStatus.Live, AudienceScoring.ClusterMetric, "kmeans-segment/1"), (v1.Version, v1.Status, v1.GateMetric, v1.Format));
        Assert.True(v1.Score > 0 && v1.Metrics["holdout-customers"] > 100, $"separation {v1.Score}, {v1.Metrics["holdout-customers"]} customers");

        // The cluster a campaign takes is not part of the model: one model serves every cluster of it.
        var before = await PreviewAsync(stack, """{"stage":"kmeans-segment","options":{"kMax":4,"cluster":"1"},"sample":200}""");
        Assert.Equal(("kmeans-segment v1", PreviewModelSource.Live), (before.Model, before.Source));
        var (plan, rows) = await PlanAsync(stack, "kmeans-live", """ "key": "kmeans-segment", "options": { "kMax": 4, "cluster": "1" } """);
        Assert.Equal("kmeans-segment v1", plan.AudienceModel);
        AssertSameMembers(before, plan, rows);

        // Another window gives another model; whichever of the two is not live now is brought back, and the preview follows.
        var v2 = (await stack.RetrainAsync(KMeans, """{ "kMax": 4 }""", windowDays: 60)).Model;
        Assert.Equal(2, v2.Version);
        var live = (await stack.Registry.GetLiveAsync(KMeans, v1.OptionsHash, CancellationToken.None))!;
        var current = await PreviewAsync(stack, """{"stage":"kmeans-segment","options":{"kMax":4,"cluster":"1"},"sample":200}""");
        Assert.Equal(live.Label, current.Model);
        var other = live.Version == 1 ? v2 : v1;
        await stack.Registry.RollbackAsync(KMeans, v1.OptionsHash, other.Version, "test", CancellationToken.None);
        var after = await PreviewAsync(stack, """{"stage":"kmeans-segment","options":{"kMax":4,"cluster":"1"},"sample":200}""");
        Assert.Equal(other.Label, after.Model);
        Assert.NotEqual((current.Size, current.Members), (after.Size, after.Members), Members.Comparer);
        if (other.Version == 1) Assert.Equal((before.Size, before.Members), (after.Size, after.Members), Members.Comparer);

        // Options no version was trained with: the preview trains for itself and says so.
        var untrained = await PreviewAsync(stack, """{"stage":"kmeans-segment","options":{"kMax":3,"cluster":"1"},"sample":5}""");
        Assert.Null(untrained.Model);
        Assert.Equal(PreviewModelSource.TrainedForPreview, untrained.Source);
    }

    [Fact]
    public async Task A_live_propensity_model_is_measured_by_auc_and_campaigns_take_the_preview_s_customers_and_bad_options_are_refused_by_field()
    {
        await using var stack = await ModelStack.CreateAsync(Postgres);
        var v1 = (await stack.RetrainAsync(Propensity, null, windowDays: 365)).Model;
        Assert.Equal((1, ModelStatus.Live, AudienceScoring.PropensityMetric, "propensity-segment/1"), (v1.Version, v1.Status, v1.GateMetric, v1.Format));
        // Better than a coin on who bought in the 30-day hold-out, among the customers known before it.
        Assert.True(v1.Score > 0.6 && v1.Metrics["holdout-customers"] > 100, $"auc {v1.Score}, {v1.Metrics["holdout-customers"]} customers");

        var preview = await PreviewAsync(stack, """{"stage":"propensity-segment","options":{},"sample":200}""");
        Assert.Equal(("propensity-segment v1", PreviewModelSource.Live), (preview.Model, preview.Source));
        Assert.True(preview.Size > 10, $"size {preview.Size}");
        var (plan, rows) = await PlanAsync(stack, "propensity-live", """ "key": "propensity-segment", "options": {} """);
        Assert.Equal("propensity-segment v1", plan.AudienceModel);
        AssertSameMembers(preview, plan, rows);

        using var body = new MemoryStream(Encoding.UTF8.GetBytes("""{"stage":"propensity-segment","options":{"topPercent":0}}"""));
        var (status, json) = await PreviewRequest.HandleAsync(body, stack.Services.GetRequiredService<SegmentPreview>(), CancellationToken.None);
        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Equal("$.audience.options.topPercent", JsonDocument.Parse(json).RootElement.GetProperty("errors")[0].GetProperty("path").GetString());
        var refused = await Assert.ThrowsAsync<ModelException>(() => stack.RetrainAsync(Propensity, """{ "horizonDays": "thirty" }""", windowDays: 365));
        Assert.Contains("horizonDays", refused.Message, StringComparison.Ordinal);
        Assert.Single(await stack.Registry.ListAsync(Propensity, CancellationToken.None));
    }

    private sealed record Preview(string? Model, string Source, long Size, string[] Members);

    private static async Task<Preview> PreviewAsync(ModelStack stack, string request)
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(request));
        var (status, json) = await PreviewRequest.HandleAsync(body, stack.Services.GetRequiredService<SegmentPreview>(), CancellationToken.None);
        Assert.True(status == StatusCodes.Status200OK, json);
        var root = JsonDocument.Parse(json).RootElement;
        return new Preview(root.GetProperty("model").GetString(), root.GetProperty("modelSource").GetString()!, root.GetProperty("size").GetInt64(),
            [.. root.GetProperty("sample").EnumerateArray().Select(m => m.GetProperty("customerId").GetString()!).Order(StringComparer.Ordinal)]);
    }

    /// <summary>Every audience member gets a ledger row (planned or suppressed): the run took the preview's size and members.</summary>
    private static void AssertSameMembers(Preview preview, PlanResult plan, IReadOnlyList<LedgerEntry> rows)
    {
        var ledger = rows.Select(r => r.CustomerId).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(preview.Size, plan.Audience);
        Assert.Equal(preview.Size, ledger.Count);
        Assert.Subset(ledger, preview.Members.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Saves the sample campaign with another audience and plans it, every message due now.</summary>
    private static async Task<(PlanResult Plan, IReadOnlyList<LedgerEntry> Rows)> PlanAsync(ModelStack stack, string id, string audience)
    {
        var json = (await File.ReadAllTextAsync(Support.Repo.SampleCampaign))
            .Replace("\"id\": \"sample-bestsellers\"", $"\"id\": \"{id}\"", StringComparison.Ordinal)
            .Replace("\"key\": \"active-customers\", \"options\": { \"days\": 90 }", audience, StringComparison.Ordinal);
        var campaigns = stack.Services.GetRequiredService<CampaignService>();
        var stored = await campaigns.SaveAsync(json, CancellationToken.None);
        var campaign = await campaigns.GetCompiledAsync(stored.Id, stored.Version, CancellationToken.None);
        var now = stack.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var plan = await stack.Services.GetRequiredService<CampaignPlanner>().PlanAsync(campaign, new Occurrence("once", now), PlanMode.SendNow, CancellationToken.None);
        return (plan, await stack.Services.GetRequiredService<ILedgerStore>().ListAsync(campaign.Id, "once", 100_000, CancellationToken.None));
    }

    /// <summary>Compares (size, members) pairs by value.</summary>
    private sealed class Members : IEqualityComparer<(long Size, string[] Ids)>
    {
        public static readonly Members Comparer = new();

        public bool Equals((long Size, string[] Ids) x, (long Size, string[] Ids) y) => x.Size == y.Size && x.Ids.SequenceEqual(y.Ids, StringComparer.Ordinal);

        public int GetHashCode((long Size, string[] Ids) obj) => HashCode.Combine(obj.Size, obj.Ids.Length);
    }
}

/// <summary>ML audience models on the embedded database.</summary>
public sealed class SqliteAudienceModelTests : AudienceModelTests
{
    private protected override bool Postgres => false;
}

/// <summary>ML audience models on PostgreSQL.</summary>
public sealed class PostgresAudienceModelTests : AudienceModelTests
{
    private protected override bool Postgres => true;
}
