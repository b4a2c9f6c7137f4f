using System.Globalization;
using Campaigns.Experiments;
using Campaigns.Host.Tests.Delivery;
using Campaigns.Planning;
using Campaigns.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Experiments;

/// <summary>
/// A split experiment with a holdout and the host-wide control group, end to end from the campaign definition with the
/// bundled plugins and the sample data, on both databases: who gets which variant, what each variant's messages say,
/// and what the decision log keeps.
/// </summary>
public abstract class ExperimentTests(bool sqlite)
{
    [Fact]
    public async Task A_split_experiment_plans_each_variant_with_its_own_message_holds_out_a_tenth_and_logs_every_decision()
    {
        await using var stack = await CampaignStack.CreateAsync(sqlite: sqlite);
        var campaign = await stack.SaveAsync(ExperimentCampaigns.Sample("ab-test", ExperimentCampaigns.SplitWithHoldout));
        var plan = await stack.PlanAsync(campaign, "once", stack.Time.GetUtcNow());

        var rows = await stack.Ledger.ListAsync("ab-test", "once", 10_000, CancellationToken.None);
        var assigned = rows.Where(r => r.Variant is not null).ToList();
        Assert.True(assigned.Count > 300, $"only {assigned.Count} of {plan.Audience} customers were assigned");
        var held = assigned.Where(r => r.Variant == "holdout").ToList();
        Assert.InRange(held.Count / (double)assigned.Count, 0.06, 0.14);
        Assert.All(held, r => Assert.Equal((DeliveryState.Suppressed, "holdout:campaign", (string?)null), (r.State, r.Reason, r.Body)));
        var treated = assigned.Where(r => r.Variant != "holdout").ToList();
        Assert.InRange(treated.Count(r => r.Variant == "A") / (double)treated.Count, 0.42, 0.58);

        // Each variant's own subject, template, recommender options and timing show in its messages.
        var a = treated.Where(r => r.Variant == "A" && r.State == DeliveryState.Planned).ToList();
        var b = treated.Where(r => r.Variant == "B" && r.State == DeliveryState.Planned).ToList();
        Assert.All(a, r => Assert.StartsWith("A: ", r.Subject, StringComparison.Ordinal));
        Assert.All(a, r => Assert.Equal(3, r.ItemIds.Count));
        Assert.All(b, r => Assert.Equal(("B: ", "B picks for you: ", 1), (r.Subject![..3], r.Body![..17], r.ItemIds.Count)));
        Assert.Contains("fixed-local-time", a[0].Decision!, StringComparison.Ordinal);
        Assert.All(b, r => Assert.Contains("bayes-hour-of-week", r.Decision!, StringComparison.Ordinal));

        // The decision log: the variant with its share (the holdout with its fraction), the items, the slot with its probability.
        var decisions = (await ReadAsync(stack, "ab-test")).ToLookup(d => d.DeliveryKey);
        foreach (var row in assigned)
        {
            var variant = Assert.Single(decisions[row.Key], d => d.Kind == DecisionKinds.Variant);
            Assert.Equal(row.Variant, variant.Chosen);
            Assert.Equal(row.Variant == "holdout" ? 0.1 : 0.5, variant.Probability, 9);
            Assert.Equal(row.Variant == "holdout" ? "holdout:campaign" : "split", variant.Policy);
            if (row.State != DeliveryState.Planned) continue;
            Assert.Equal(string.Join(',', row.ItemIds), Assert.Single(decisions[row.Key], d => d.Kind == DecisionKinds.Items).Chosen);
            var slot = Assert.Single(decisions[row.Key], d => d.Kind == DecisionKinds.Slot);
            Assert.Equal(row.SendAt, DateTimeOffset.Parse(slot.Chosen, CultureInfo.InvariantCulture));
            Assert.Equal(DecisionRecord.Read(row.Decision)!.Probability ?? 1, slot.Probability, 9);
        }
        Assert.Contains(b, r => decisions[r.Key].Single(d => d.Kind == DecisionKinds.Slot).Probability < 1);
        Assert.All(decisions.SelectMany(d => d), d => Assert.Null(d.Features));

        // A re-run adds nothing, a second host places every customer alike in a new occurrence.
        var count = decisions.Sum(g => g.Count());
        var again = await stack.PlanAsync(campaign, "once", stack.Time.GetUtcNow());
        Assert.Equal((0L, plan.Audience), (again.Planned, again.AlreadyInLedger));
        Assert.Equal(count, (await ReadAsync(stack, "ab-test")).Count);
        await using var other = stack.AnotherHost();
        await other.PlanAsync(await other.SaveAsync(ExperimentCampaigns.Sample("ab-test", ExperimentCampaigns.SplitWithHoldout)), "twice", stack.Time.GetUtcNow());
        var second = (await other.Ledger.ListAsync("ab-test", "twice", 10_000, CancellationToken.None)).ToDictionary(r => r.CustomerId, r => r.Variant);
        Assert.All(assigned, r => Assert.Equal(r.Variant, second[r.CustomerId]));
    }

    [Fact]
    public async Task The_global_control_group_gets_no_campaign_at_all()
    {
        await using var stack = await CampaignStack.CreateAsync(sqlite: sqlite, configure: s => s.AddSingleton(new GlobalControl(15, "house")));
        var experiment = await stack.SaveAsync(ExperimentCampaigns.Sample("ab-test", ExperimentCampaigns.SplitWithHoldout));
        var plain = await stack.SaveAsync(ExperimentCampaigns.Sample("newsletter", null));
        await stack.PlanAsync(experiment, "once", stack.Time.GetUtcNow());
        await stack.PlanAsync(plain, "once", stack.Time.GetUtcNow());

        async Task<List<string>> GlobalAsync(string id) => [.. (await stack.Ledger.ListAsync(id, "once", 10_000, CancellationToken.None))
            .Where(r => r.Reason == "holdout:global").Select(r => r.CustomerId).Order(StringComparer.Ordinal)];
        var first = await GlobalAsync("ab-test");
        Assert.InRange(first.Count, 25, 80);
        Assert.Equal(first, await GlobalAsync("newsletter"));
        var plainRows = await stack.Ledger.ListAsync("newsletter", "once", 10_000, CancellationToken.None);
        Assert.All(plainRows, r => Assert.Equal(r.Reason == "holdout:global" ? "holdout" : null, r.Variant));
        var logged = await ReadAsync(stack, "newsletter");
        Assert.All(logged.Where(d => d.Kind == DecisionKinds.Variant), d => Assert.Equal(("holdout", 0.15), (d.Chosen, d.Probability)));
        Assert.Equal(first.Count, logged.Count(d => d.Kind == DecisionKinds.Variant));
    }

    internal static async Task<List<LoggedDecision>> ReadAsync(CampaignStack stack, string campaignId)
    {
        var all = new List<LoggedDecision>();
        await foreach (var batch in stack.Services.GetRequiredService<IDecisionLog>().ReadAsync(campaignId, null, 1_000, CancellationToken.None))
            all.AddRange(batch.Select(o => o.Decision));
        return all;
    }
}

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresExperimentTests() : ExperimentTests(sqlite: false);

/// <summary>On SQLite.</summary>
public sealed class SqliteExperimentTests() : ExperimentTests(sqlite: true);
