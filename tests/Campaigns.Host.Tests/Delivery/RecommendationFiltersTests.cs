using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Planning;
using Campaigns.Scheduling;
using Campaigns.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Delivery;

/// <summary>Filters set in the definition apply to a bundled recommender, with popular back-fill the template can name.</summary>
public sealed partial class RecommendationFiltersTests
{
    [Fact]
    public async Task Buy_again_without_repurchase_recommends_only_items_never_bought_back_filled_from_popularity()
    {
        await using var stack = await CampaignStack.CreateAsync();
        var campaigns = stack.Services.GetRequiredService<CampaignService>();
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Support.Repo.SampleCampaign))!;
        definition["id"] = "sample-filtered";
        // The sample's purchases are of 2010-2011 and the stack's clock is 2026: the window must reach back past them all.
        definition["recommender"] = JsonNode.Parse("""{ "key": "buy-again", "count": 3, "filters": { "excludePurchasedWithinDays": 36500 } }""");
        definition["message"] = new JsonObject { ["templateText"] = "{{ for item in items }}[{{ item.id }}|{{ item.reason }}]{{ end }}", ["subject"] = "For you" };
        var stored = await campaigns.SaveAsync(definition.ToJsonString(), CancellationToken.None);
        var campaign = await campaigns.GetCompiledAsync(stored.Id, stored.Version, CancellationToken.None);

        var plan = await stack.Services.GetRequiredService<CampaignPlanner>()
            .PlanAsync(campaign, new Occurrence("once", stack.Clock.Now), PlanMode.SendNow, CancellationToken.None);

        Assert.True(plan.Planned > 100, $"planned {plan.Planned}");
        var bought = await PurchasesAsync(stack.Services.GetRequiredService<IInteractionReader>());
        var rows = (await stack.Ledger.ListAsync(campaign.Id, "once", 10_000, CancellationToken.None)).Where(r => r.State == DeliveryState.Planned).ToList();
        var reasons = new List<string>();
        foreach (var row in rows)
        {
            Assert.Equal(3, row.ItemIds.Count);
            var own = bought.GetValueOrDefault(row.CustomerId) ?? [];
            Assert.All(row.ItemIds, id => Assert.DoesNotContain(id, own));
            var shown = ItemAndReason().Matches(row.Body!).Select(m => (Id: m.Groups[1].Value, Reason: m.Groups[2].Value)).ToList();
            Assert.Equal(row.ItemIds, shown.Select(s => s.Id));
            reasons.AddRange(shown.Select(s => s.Reason));
        }
        // Buy-again's own items were all bought before, so what is left is its popular padding and the planner's back-fill, which says so.
        Assert.Contains(RecommendationFilter.BackfillReason, reasons);
        Assert.DoesNotContain(reasons, r => r.StartsWith("bought-before:", StringComparison.Ordinal));
    }

    private static async Task<Dictionary<string, HashSet<string>>> PurchasesAsync(IInteractionReader reader)
    {
        var bought = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await foreach (var batch in reader.ReadAsync(new InteractionQuery(Types: [InteractionTypes.Purchase]), 10_000, CancellationToken.None))
            foreach (var e in batch)
            {
                if (!bought.TryGetValue(e.CustomerId, out var items)) bought[e.CustomerId] = items = new HashSet<string>(StringComparer.Ordinal);
                items.Add(e.ItemId);
            }
        return bought;
    }

    [GeneratedRegex(@"\[([^|\]]+)\|([^\]]+)\]")]
    private static partial Regex ItemAndReason();
}
