using System.Text.Json.Nodes;
using Campaigns.Campaign;
using Campaigns.Planning;
using Campaigns.Scheduling;
using Campaigns.Storage;
using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Delivery;

/// <summary>
/// The host's scheduler on a real PostgreSQL with the bundled plugins: per-customer times in their own zones, quiet
/// hours, and frequency caps that hold across campaigns planned at the same moment by two hosts.
/// </summary>
public sealed class SchedulingTests
{
    private static readonly LocalTimeRange Quiet = new(new TimeOnly(9, 0), new TimeOnly(11, 0));

    [Fact]
    public async Task A_scheduled_campaign_sends_at_each_customers_local_time_and_never_in_quiet_hours()
    {
        await using var stack = await CampaignStack.CreateAsync(new DeliveryPolicy { QuietHours = Quiet });
        // The strategy asks for 10:00 local, inside the host's quiet hours: every message moves to 11:00 local.
        var campaign = await stack.SaveAsync(Sample("local-times", timingAt: "10:00"));

        var plan = await stack.PlanAsync(campaign, "o1", stack.Clock.Now);

        var rows = (await stack.Ledger.ListAsync(campaign.Id, "o1", 10_000, CancellationToken.None)).Where(r => r.State == DeliveryState.Planned).ToList();
        var customers = await Customers(stack, rows);
        Assert.Equal(plan.Planned, rows.Count);
        Assert.True(rows.Count > 100, $"planned only {rows.Count}");
        foreach (var row in rows)
        {
            var local = TimeZoneInfo.ConvertTime(row.SendAt, TimeZoneInfo.FindSystemTimeZoneById(customers[row.CustomerId]));
            Assert.Equal(new TimeSpan(11, 0, 0), local.TimeOfDay);
            Assert.False(Quiet.Contains(TimeOnly.FromDateTime(local.DateTime)));
            Assert.Equal("moved:quiet-hours", row.Reason);
            Assert.Contains("\"strategy\":\"fixed-local-time\"", row.Decision, StringComparison.Ordinal);
        }
        // The sample's customers live in several zones, so the same local time is several instants.
        Assert.True(rows.Select(r => r.SendAt).Distinct().Count() >= 3);
    }

    [Fact]
    public async Task Two_campaigns_planned_at_once_on_two_hosts_keep_every_customer_under_a_daily_cap()
    {
        var policy = new DeliveryPolicy { FrequencyCaps = new Dictionary<string, IReadOnlyList<FrequencyCap>> { ["file"] = [new FrequencyCap(1, CapPeriod.Day)] } };
        await using var hostA = await CampaignStack.CreateAsync(policy);
        await using var hostB = hostA.AnotherHost();
        var first = await hostA.SaveAsync(Sample("cap-first", timingAt: "12:00"));
        var second = await hostB.SaveAsync(Sample("cap-second", timingAt: "12:00"));

        var plans = await Task.WhenAll(
            Task.Run(() => hostA.PlanAsync(first, "o1", hostA.Clock.Now)),
            Task.Run(() => hostB.PlanAsync(second, "o1", hostA.Clock.Now)));

        var rows = new List<LedgerEntry>();
        foreach (var id in new[] { first.Id, second.Id })
            rows.AddRange((await hostA.Ledger.ListAsync(id, "o1", 10_000, CancellationToken.None)).Where(r => r.State == DeliveryState.Planned));
        Assert.Equal(plans.Sum(p => p.Planned), rows.Count);
        Assert.True(plans.All(p => p.Planned > 100));
        // At most one message per customer per local day, and each customer gets both: one of them the next day.
        Assert.All(rows.GroupBy(r => (r.CustomerId, r.LocalDay)), g => Assert.Single(g));
        var customers = await Customers(hostA, rows);
        Assert.All(rows, r => Assert.Equal(r.LocalDay, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.SendAt, TimeZoneInfo.FindSystemTimeZoneById(customers[r.CustomerId])).DateTime).DayNumber));
        var moved = rows.Where(r => r.Reason is not null).ToList();
        Assert.Equal(rows.Count / 2, moved.Count);
        Assert.All(moved, r => Assert.Equal("moved:cap:file:day", r.Reason));
    }

    [Fact]
    public async Task With_the_drop_policy_a_capped_customer_is_suppressed_and_the_ledger_says_why()
    {
        var policy = new DeliveryPolicy { FrequencyCaps = new Dictionary<string, IReadOnlyList<FrequencyCap>> { ["file"] = [new FrequencyCap(1, CapPeriod.Week)] } };
        await using var stack = await CampaignStack.CreateAsync(policy);
        var first = await stack.SaveAsync(Sample("weekly-first", timingAt: "12:00"));
        var second = await stack.SaveAsync(Sample("weekly-second", timingAt: "12:00", delivery: """{ "deadlineHours": 72, "whenInfeasible": "drop" }"""));
        var firstPlan = await stack.PlanAsync(first, "o1", stack.Clock.Now);

        var secondPlan = await stack.PlanAsync(second, "o1", stack.Clock.Now);

        Assert.Equal(0, secondPlan.Planned);
        Assert.Equal(firstPlan.Planned, secondPlan.Suppressed.GetValueOrDefault("infeasible:cap:file:week"));
        var dropped = await stack.Ledger.ListAsync(second.Id, "o1", 10_000, CancellationToken.None);
        Assert.All(dropped.Where(r => r.Reason?.StartsWith("infeasible", StringComparison.Ordinal) == true), r => Assert.Null(r.Body));
    }

    [Fact]
    public async Task Planning_an_occurrence_again_adds_nothing_and_does_not_count_against_the_cap_twice()
    {
        var policy = new DeliveryPolicy { FrequencyCaps = new Dictionary<string, IReadOnlyList<FrequencyCap>> { ["file"] = [new FrequencyCap(1, CapPeriod.Day)] } };
        await using var stack = await CampaignStack.CreateAsync(policy);
        var campaign = await stack.SaveAsync(Sample("replan", timingAt: "12:00"));
        var first = await stack.PlanAsync(campaign, "o1", stack.Clock.Now);

        var again = await stack.PlanAsync(campaign, "o1", stack.Clock.Now);

        Assert.Equal(0, again.Planned);
        Assert.Equal(first.Planned, again.AlreadyInLedger - again.Suppressed.Values.Sum() - again.Failed);
        var rows = await stack.Ledger.ListAsync(campaign.Id, "o1", 10_000, CancellationToken.None);
        Assert.All(rows.Where(r => r.State == DeliveryState.Planned), r => Assert.Null(r.Reason));
    }

    internal static string Sample(string id, string timingAt, string? delivery = null, string channel = "outbox")
    {
        var node = JsonNode.Parse(File.ReadAllText(Repo.SampleCampaign))!;
        node["id"] = id;
        node["timing"] = JsonNode.Parse($$"""{ "key": "fixed-local-time", "options": { "at": "{{timingAt}}", "windowMinutes": 1 } }""");
        if (channel != "outbox") node["channel"] = JsonNode.Parse($$"""{ "key": "{{channel}}", "options": {} }""");
        if (delivery is not null) node["delivery"] = JsonNode.Parse(delivery);
        return node.ToJsonString();
    }

    private static async Task<Dictionary<string, string>> Customers(CampaignStack stack, IEnumerable<LedgerEntry> rows)
    {
        var reader = (Campaigns.Data.ICustomerReader)stack.Services.GetService(typeof(Campaigns.Data.ICustomerReader))!;
        var found = await reader.GetManyAsync([.. rows.Select(r => r.CustomerId).Distinct()], CancellationToken.None);
        return found.ToDictionary(c => c.Id, c => c.TimeZone);
    }
}
