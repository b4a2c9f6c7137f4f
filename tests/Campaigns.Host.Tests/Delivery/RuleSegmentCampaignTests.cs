using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Planning;
using Campaigns.Profiles;
using Campaigns.Scheduling;
using Campaigns.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Delivery;

/// <summary>A campaign whose audience is a rule over profiles, on PostgreSQL with the real Segmentation plugin and the sample data.</summary>
public sealed class RuleSegmentCampaignTests
{
    private const string Rule = "orders_total >= 3 and affinity(\"BAG\") > 0.1";

    [Fact]
    public async Task A_rule_segment_campaign_plans_exactly_the_customers_whose_profile_matches_and_the_preview_agrees()
    {
        await using var stack = await CampaignStack.CreateAsync();
        var all = await ComputeProfilesAsync(stack);
        var expected = all.Where(p => p.OrdersTotal >= 3 && p.CategoryAffinity.GetValueOrDefault("BAG") > 0.1).Select(p => p.CustomerId).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < all.Count / 2, $"{expected.Count} of {all.Count} match: the rule should pick a minority");

        var campaign = await stack.SaveAsync(Definition(Rule));
        var plan = await stack.PlanAsync(campaign, "once", stack.Clock.Now, PlanMode.SendNow);

        var rows = await stack.Ledger.ListAsync(campaign.Id, "once", 100_000, CancellationToken.None);
        Assert.Equal(expected, rows.Select(r => r.CustomerId).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, plan.Audience);

        var preview = await stack.Services.GetRequiredService<SegmentPreview>().PreviewAsync("rule-segment", Options(Rule), 5, CancellationToken.None);
        Assert.Equal(expected.Count, preview.Size);
        Assert.Equal(["orders_total", "affinity(\"BAG\")"], preview.Fields);
        Assert.Equal(Math.Min(5, expected.Count), preview.Sample.Count);
        var byId = all.ToDictionary(p => p.CustomerId);
        Assert.All(preview.Sample, m =>
        {
            Assert.Contains(m.CustomerId, expected);
            Assert.Equal(byId[m.CustomerId].OrdersTotal, m.Fields["orders_total"]);
            Assert.Equal(byId[m.CustomerId].CategoryAffinity["BAG"], m.Fields["affinity(\"BAG\")"]);
        });
    }

    [Fact]
    public async Task A_mistake_in_the_rule_is_reported_at_its_position_and_marketer_text_never_reaches_sql()
    {
        await using var stack = await CampaignStack.CreateAsync();
        var all = await ComputeProfilesAsync(stack);

        var errors = stack.Services.GetRequiredService<CampaignService>().Validate(Definition("orders_total >= 3 and oders_90d > 1"));
        Assert.Contains("$.audience.options.expression: position 23: unknown field 'oders_90d' (did you mean 'orders_90d'?)", errors.Select(e => e.ToString()));

        var preview = stack.Services.GetRequiredService<SegmentPreview>();
        var injected = await preview.PreviewAsync("rule-segment", Options("attr(\"name\") == \"'; DROP TABLE profiles; --\""), 5, CancellationToken.None);
        Assert.Equal(0, injected.Size);
        var refused = await Assert.ThrowsAsync<CampaignDefinitionException>(() =>
            preview.PreviewAsync("rule-segment", Options("orders_total > 0; DROP TABLE profiles"), 5, CancellationToken.None));
        Assert.Equal("$.audience.options.expression: position 17: unexpected character ';'", Assert.Single(refused.Errors).ToString());
        var unknown = await Assert.ThrowsAsync<CampaignDefinitionException>(() => preview.PreviewAsync("no-such-stage", null, 5, CancellationToken.None));
        Assert.Equal("$.audience.key", Assert.Single(unknown.Errors).Path);

        Assert.Equal(all.Count, (await ReadAllAsync(stack)).Count); // the table is still there, every profile with it
    }

    private static async Task<List<CustomerProfile>> ComputeProfilesAsync(CampaignStack stack)
    {
        var computed = await stack.Services.GetRequiredService<ProfileComputer>().ComputeAllAsync(null, CancellationToken.None);
        var all = await ReadAllAsync(stack);
        Assert.Equal(computed, all.Count);
        return all;
    }

    private static async Task<List<CustomerProfile>> ReadAllAsync(CampaignStack stack)
    {
        var all = new List<CustomerProfile>();
        await foreach (var batch in stack.Services.GetRequiredService<IProfileReader>().ReadAllAsync(1_000, CancellationToken.None)) all.AddRange(batch);
        return all;
    }

    private static string Definition(string rule)
    {
        var definition = JsonNode.Parse(File.ReadAllText(Support.Repo.SampleCampaign))!;
        definition["id"] = "bag-lovers";
        definition["audience"] = new JsonObject { ["key"] = "rule-segment", ["options"] = new JsonObject { ["expression"] = rule } };
        return definition.ToJsonString();
    }

    private static JsonElement Options(string rule) => JsonSerializer.SerializeToElement(new { expression = rule });
}
