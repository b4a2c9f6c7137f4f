using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Planning;
using Campaigns.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Delivery;

/// <summary>A campaign whose audience is a machine-learned segment plans exactly that segment's customers (PostgreSQL, sample data).</summary>
public sealed class SegmentCampaignTests
{
    [Fact]
    public async Task A_kmeans_campaign_plans_exactly_the_picked_clusters_customers_and_a_propensity_campaign_its_top_percent()
    {
        await using var stack = await CampaignStack.CreateAsync();
        var insights = ActivatorUtilities.CreateInstance<SegmentInsightsService>(stack.Services);

        var clusters = await insights.DescribeAsync("kmeans-segment", Options("""{"kMax":4}"""), CancellationToken.None);
        var picked = clusters.Segments[1];
        var (plan, planned) = await PlanAsync(stack, "kmeans", "kmeans-segment", $$"""{"kMax":4,"cluster":"{{picked.Name}}"}""");
        Assert.Equal(picked.Customers, plan.Audience);
        Assert.Equal(picked.Customers, planned.Count);
        // The same cluster by number gives the same customers.
        var (_, byNumber) = await PlanAsync(stack, "kmeans-by-number", "kmeans-segment", """{"kMax":4,"cluster":"2"}""");
        Assert.Equal(planned, byNumber);

        var propensity = await insights.DescribeAsync("propensity-segment", Options("""{"topPercent":20,"trees":20}"""), CancellationToken.None);
        var (top, _) = await PlanAsync(stack, "propensity", "propensity-segment", """{"topPercent":20,"trees":20}""");
        Assert.Equal(propensity.Segments[0].Customers, top.Audience);
        Assert.True(top.Audience > 0);

        var error = await Assert.ThrowsAsync<SegmentInsightsException>(() =>
            insights.DescribeAsync("kmeans-segment", Options("""{"kMax":"four"}"""), CancellationToken.None));
        Assert.Contains("kmeans-segment.options.kMax", error.Message);
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => PlanAsync(stack, "kmeans-unknown", "kmeans-segment", """{"kMax":4,"cluster":"big fans"}"""));
        Assert.Contains(picked.Name, unknown.Message);
    }

    private static JsonElement Options(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static async Task<(PlanResult Plan, HashSet<string> Customers)> PlanAsync(CampaignStack stack, string id, string key, string options)
    {
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Support.Repo.SampleCampaign))!;
        definition["id"] = "segment-" + id;
        definition["audience"] = new JsonObject { ["key"] = key, ["options"] = JsonNode.Parse(options) };
        var campaign = await stack.SaveAsync(definition.ToJsonString());
        var plan = await stack.PlanAsync(campaign, "once", stack.Clock.Now, PlanMode.SendNow);
        var rows = await stack.Ledger.ListAsync(campaign.Id, "once", 100_000, CancellationToken.None);
        return (plan, rows.Select(r => r.CustomerId).ToHashSet());
    }
}
