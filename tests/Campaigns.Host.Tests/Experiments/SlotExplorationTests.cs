using System.Text.Json.Nodes;
using Campaigns.Host.Tests.Delivery;
using Campaigns.Planning;
using Campaigns.Profiles;
using Campaigns.Scheduling;
using Campaigns.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Experiments;

/// <summary>
/// <c>timing.exploration</c> end to end with the bundled fixed-local-time stage and the sample data, on both databases:
/// a share of customers is sent in another hour of the window, and every slot decision is logged with what off-policy
/// evaluation needs (the local hour, each candidate hour's propensity, the activity profile).
/// </summary>
public abstract class SlotExplorationTests(bool sqlite)
{
    [Fact]
    public async Task Explored_slot_decisions_log_their_hour_propensities_and_activity_and_a_re_run_decides_the_same()
    {
        await using var stack = await CampaignStack.CreateAsync(sqlite: sqlite);
        await stack.Services.GetRequiredService<ProfileComputer>().ComputeAllAsync(null, CancellationToken.None);
        var node = JsonNode.Parse(ExperimentCampaigns.Sample("explore-hours", null))!;
        node["timing"]!["exploration"] = 0.4;
        var campaign = await stack.SaveAsync(node.ToJsonString());
        Assert.Equal(0.4, campaign.Definition.TimingExploration);

        await stack.PlanAsync(campaign, "once", stack.Time.GetUtcNow());

        var rows = (await stack.Ledger.ListAsync("explore-hours", "once", 10_000, CancellationToken.None)).Where(r => r.State == DeliveryState.Planned).ToDictionary(r => r.Key);
        var slots = (await ExperimentTests.ReadAsync(stack, "explore-hours")).Where(d => d.Kind == DecisionKinds.Slot).ToList();
        Assert.True(slots.Count > 300, $"only {slots.Count} slot decisions");
        Assert.Equal(rows.Count, slots.Count);
        var zones = (await stack.Services.GetRequiredService<Campaigns.Data.ICustomerReader>().GetManyAsync([.. slots.Select(s => s.CustomerId)], CancellationToken.None))
            .ToDictionary(c => c.Id, c => CustomerZones.Find(c.TimeZone));
        foreach (var slot in slots)
        {
            var hour = slot.Features!["hour"];
            Assert.Equal(1.0, slot.Candidates!.Values.Sum(), 9);
            Assert.Equal(slot.Candidates[hour], slot.Probability, 12);
            // The customer's own clock shows the logged hour when the message is due (the sample has no quiet hours or caps in the way).
            var row = rows[slot.DeliveryKey];
            Assert.Equal(int.Parse(hour, System.Globalization.CultureInfo.InvariantCulture),
                TimeZoneInfo.ConvertTime(row.PreferredAt, zones[slot.CustomerId]).Hour);
        }
        // The stage's hour (10:00, or now for customers already in its send window) keeps 60% plus its share of the draw;
        // every other hour of the window has 0.4 / hours.
        Assert.All(slots, s => Assert.Contains(s.Probability, new[] { 0.4 / s.Candidates!.Count, 0.6 + 0.4 / s.Candidates.Count }));
        var greedy = slots.Count(s => s.Probability > 0.5) / (double)slots.Count;
        Assert.InRange(greedy, 0.55, 0.72);
        Assert.True(slots.Select(s => s.Features!["hour"]).Distinct().Count() >= 12, "exploration should reach most hours of the day");
        Assert.True(slots.Count(s => s.Features!.ContainsKey("activity")) > slots.Count / 2, "the activity profile is logged for customers who have one");
        Assert.All(slots.Where(s => s.Features!.ContainsKey("activity")), s => Assert.Equal(24, s.Features!["activity"].Split(',').Length));

        await stack.PlanAsync(campaign, "again", stack.Time.GetUtcNow());
        var again = (await ExperimentTests.ReadAsync(stack, "explore-hours")).Where(d => d.Kind == DecisionKinds.Slot && d.Occurrence == "again").ToList();
        // Another occurrence draws afresh (the hash includes it), the same occurrence would not (ledger and log keep the first).
        Assert.NotEqual(slots.Select(s => s.Features!["hour"]), again.Select(s => s.Features!["hour"]));
    }

    [Fact]
    public async Task Exploration_outside_zero_to_one_is_refused_with_its_path()
    {
        await using var stack = await CampaignStack.CreateAsync(sqlite: sqlite);
        var node = JsonNode.Parse(ExperimentCampaigns.Sample("explore-bad", null))!;
        node["timing"]!["exploration"] = 1.5;
        var error = await Assert.ThrowsAsync<Campaigns.Campaign.CampaignDefinitionException>(() => stack.SaveAsync(node.ToJsonString()));
        Assert.Contains(error.Errors, e => e.Path == "$.timing.exploration" && e.Message.Contains("from 0 (off) to 1", StringComparison.Ordinal));
        Assert.Null(await stack.Services.GetRequiredService<Campaigns.Campaign.CampaignService>().GetLatestCompiledAsync("explore-bad", CancellationToken.None));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteSlotExplorationTests() : SlotExplorationTests(sqlite: true);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresSlotExplorationTests() : SlotExplorationTests(sqlite: false);
