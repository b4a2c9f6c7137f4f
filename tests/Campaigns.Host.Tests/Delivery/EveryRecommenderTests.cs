using System.Text.Json.Nodes;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Planning;
using Campaigns.Scheduling;
using Campaigns.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Delivery;

/// <summary>Every bundled recommender, swapped into the sample campaign by configuration, yields messages that name the items it chose.</summary>
public sealed class EveryRecommenderTests
{
    private static readonly (string Key, string Options)[] Recommenders =
    [
        ("most-popular", """{ "windowDays": 30 }"""),
        ("trending", "{}"),
        ("buy-again", "{}"),
        ("item-knn", """{ "similarity": "jaccard" }"""),
        ("user-knn", "{}"),
        ("ease", """{ "maxItems": 500 }"""),
        ("ials", """{ "factors": 16, "iterations": 5 }"""),
        ("content-based", "{}"),
        ("hybrid", """{ "stages": [ { "key": "buy-again", "weight": 1 }, { "key": "item-knn", "weight": 0.3 } ] }"""),
        // The sample ends in 2011, so the default anchor trains on its last 90 days; a small model keeps the test quick.
        ("reranker", """{ "trees": 50 }"""),
    ];

    [Fact]
    public async Task Each_recommender_renders_messages_naming_its_items()
    {
        await using var stack = await CampaignStack.CreateAsync();
        var campaigns = stack.Services.GetRequiredService<CampaignService>();
        var planner = stack.Services.GetRequiredService<CampaignPlanner>();
        var catalog = stack.Services.GetRequiredService<ICatalogReader>();

        foreach (var (key, options) in Recommenders)
        {
            var definition = JsonNode.Parse(await File.ReadAllTextAsync(Support.Repo.SampleCampaign))!;
            definition["id"] = "sample-" + key;
            definition["recommender"] = new JsonObject { ["key"] = key, ["count"] = 3, ["options"] = JsonNode.Parse(options) };
            var stored = await campaigns.SaveAsync(definition.ToJsonString(), CancellationToken.None);
            var campaign = await campaigns.GetCompiledAsync(stored.Id, stored.Version, CancellationToken.None);

            var plan = await planner.PlanAsync(campaign, new Occurrence("once", stack.Clock.Now), PlanMode.SendNow, CancellationToken.None);
            Assert.True(plan.Planned > 100, $"{key}: planned {plan.Planned}");

            var rows = (await stack.Ledger.ListAsync(campaign.Id, "once", 10_000, CancellationToken.None)).Where(r => r.State == DeliveryState.Planned).ToList();
            var items = (await catalog.GetManyAsync(rows.SelectMany(r => r.ItemIds).Distinct().ToList(), CancellationToken.None)).ToDictionary(i => i.Id);
            foreach (var message in rows)
            {
                Assert.Equal(3, message.ItemIds.Count);
                foreach (var id in message.ItemIds) Assert.Contains(items[id].Title, message.Body, StringComparison.Ordinal);
            }
            // Personal recommenders differ between customers; the popularity ones give everyone the same list.
            var distinctLists = rows.Select(r => string.Join(',', r.ItemIds)).Distinct().Count();
            if (key is "buy-again" or "item-knn" or "user-knn" or "ease" or "ials" or "hybrid" or "content-based" or "reranker")
                Assert.True(distinctLists > rows.Count / 2, $"{key}: only {distinctLists} different lists for {rows.Count} customers");
            else
                Assert.Equal(1, distinctLists);
        }
    }
}
