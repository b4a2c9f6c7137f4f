using Campaigns.Data;
using Campaigns.Delivery;
using Campaigns.Experiments;
using Campaigns.Host.Tests.Delivery;
using Campaigns.Planning;
using Campaigns.Storage;
using Campaigns.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Experiments;

/// <summary>
/// Thompson allocation end to end on both databases: a week's messages are sent, variant B's get clicked, and the
/// next allocation round, computed from the decision log, moves traffic to B while A keeps its exploration floor.
/// </summary>
public abstract class BanditTests(bool sqlite)
{
    [Fact]
    public async Task Clicks_on_variant_B_give_it_the_larger_share_of_the_next_occurrence_and_A_keeps_its_floor()
    {
        await using var stack = await CampaignStack.CreateAsync(sqlite: sqlite);
        var campaign = await stack.SaveAsync(ExperimentCampaigns.Sample("bandit", ExperimentCampaigns.Bandit()));
        var week1 = await SendAndClickAsync(stack, campaign, "week-1", clicked: r => r.Variant == "B");
        var updater = stack.Services.GetRequiredService<AllocationUpdater>();

        // The clicks are a few hours old: too early to count, so the round learns nothing yet.
        stack.Clock.Now += TimeSpan.FromHours(3);
        var early = Assert.Single(await updater.UpdateAsync(campaign, force: false, CancellationToken.None));
        Assert.All(early.Arms, arm => Assert.Equal(0, arm.Trials));

        stack.Clock.Now += TimeSpan.FromDays(2);
        var round = Assert.Single(await updater.UpdateAsync(campaign, force: false, CancellationToken.None));
        Assert.Equal((2, ""), (round.Round, round.Segment));
        var arms = round.Arms.ToDictionary(a => a.Arm);
        Assert.Equal(week1.Count(r => r.Variant == "B"), arms["B"].Successes);
        Assert.Equal((0L, week1.Count(r => r.Variant == "A")), (arms["A"].Successes, arms["A"].Trials));
        var shares = round.Shares.ToDictionary(s => s.Arm, s => s.Share);
        Assert.True(shares["B"] > 0.85, $"B got {shares["B"]:P1}");
        Assert.True(shares["A"] >= 0.1 - 1e-9, $"A fell below its floor: {shares["A"]:P1}");
        Assert.Empty(await updater.UpdateAsync(campaign, force: false, CancellationToken.None)); // not due again for 24 hours

        await stack.PlanAsync(campaign, "week-2", stack.Time.GetUtcNow(), PlanMode.SendNow);
        var week2 = await stack.Ledger.ListAsync("bandit", "week-2", 10_000, CancellationToken.None);
        var (a, b) = (week2.Count(r => r.Variant == "A"), week2.Count(r => r.Variant == "B"));
        Assert.True(b > 3 * a && a > 0, $"week 2 planned A {a}, B {b}");
        var logged = await ExperimentTests.ReadAsync(stack, "bandit");
        Assert.All(logged.Where(d => d.Occurrence == "week-2" && d.Kind == DecisionKinds.Variant),
            d => Assert.Equal(("thompson", "2", shares[d.Chosen]), (d.Policy, d.PolicyVersion, d.Probability)));
    }

    [Fact]
    public async Task Allocation_by_segment_keeps_a_separate_round_per_segment()
    {
        await using var stack = await CampaignStack.CreateAsync(sqlite: sqlite);
        var campaign = await stack.SaveAsync(ExperimentCampaigns.Sample("by-country", ExperimentCampaigns.Bandit("country")));
        var customers = stack.Services.GetRequiredService<ICustomerReader>();
        var week1 = await SendAndClickAsync(stack, campaign, "week-1", clicked: r => r.Variant == "B");
        stack.Clock.Now += TimeSpan.FromDays(2);

        var rounds = await stack.Services.GetRequiredService<AllocationUpdater>().UpdateAsync(campaign, force: false, CancellationToken.None);
        var countries = (await customers.GetManyAsync([.. week1.Select(r => r.CustomerId)], CancellationToken.None))
            .ToDictionary(c => c.Id, c => c.Attributes.GetValueOrDefault("country") ?? "");
        Assert.Equal(week1.Select(r => countries[r.CustomerId]).Distinct().Order(StringComparer.Ordinal), rounds.Select(r => r.Segment));
        foreach (var round in rounds)
            Assert.Equal(week1.Count(r => countries[r.CustomerId] == round.Segment), round.Arms.Sum(a => a.Trials));
        var uk = Assert.Single(rounds, r => r.Segment == "United Kingdom");
        Assert.True(uk.Shares.Single(s => s.Arm == "B").Share > 0.85);

        await stack.PlanAsync(campaign, "week-2", stack.Time.GetUtcNow(), PlanMode.SendNow);
        var logged = (await ExperimentTests.ReadAsync(stack, "by-country")).Where(d => d.Occurrence == "week-2" && d.Kind == DecisionKinds.Variant).ToList();
        Assert.All(logged, d => Assert.Equal(rounds.Single(r => r.Segment == d.Features!["segment"]).Round.ToString(System.Globalization.CultureInfo.InvariantCulture), d.PolicyVersion));
    }

    /// <summary>Plans and sends an occurrence now, then records a click on each sent message that <paramref name="clicked"/> picks.</summary>
    private static async Task<List<LedgerEntry>> SendAndClickAsync(CampaignStack stack, Campaigns.Campaign.CompiledCampaign campaign, string occurrence, Func<LedgerEntry, bool> clicked)
    {
        await stack.PlanAsync(campaign, occurrence, stack.Time.GetUtcNow(), PlanMode.SendNow);
        await stack.Dispatcher("test-host", 500).DispatchAsync(new DispatchScope(campaign.Id, occurrence), CancellationToken.None);
        var sent = (await stack.Ledger.ListAsync(campaign.Id, occurrence, 10_000, CancellationToken.None)).Where(r => r.State == DeliveryState.Sent).ToList();
        Assert.True(sent.Count > 200, $"only {sent.Count} messages were sent");
        var at = stack.Time.GetUtcNow().AddMinutes(30);
        await stack.Services.GetRequiredService<IImportWriter>().AddEventsAsync([.. sent.Where(clicked).Select(r =>
            new StoredEvent(TrackingEvents.ClickId(r.Key, "https://shop.example/", at), new Interaction(r.CustomerId, r.ItemIds[0], InteractionTypes.Click, at)))],
            CancellationToken.None);
        return sent;
    }
}

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresBanditTests() : BanditTests(sqlite: false);

/// <summary>On SQLite.</summary>
public sealed class SqliteBanditTests() : BanditTests(sqlite: true);
