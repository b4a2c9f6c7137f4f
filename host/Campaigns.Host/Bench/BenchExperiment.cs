using System.Text.Json.Nodes;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Host.Cli;
using Campaigns.Planning;
using Campaigns.Scheduling;
using Campaigns.Storage;

namespace Campaigns.Host.Bench;

/// <summary>
/// <c>bench experiment</c>: plans the bench campaign over a synthetic shop twice in one process, first as it is (the
/// baseline: no experiment, items and slot decisions logged), then with an A/B experiment (a second subject, a 10%
/// holdout, variant decisions logged too), and prints both times and their ratio.
/// </summary>
internal static class BenchExperiment
{
    public const string Usage = "bench experiment [--customers 200000] [--items 10000] [--skip-generate]";

    private const string Experiment = """
        { "variants": [ { "name": "A" }, { "name": "B", "subject": "Picked for you: {{ items[0].title }}" } ], "holdout": { "percent": 10 } }
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var cli = new CliArgs(args, new HashSet<string> { "skip-generate" });
        var time = await GenerateAsync(services, cli, 200_000);

        var stamp = time.GetUtcNow().ToUnixTimeSeconds();
        var plain = JsonNode.Parse(BenchVerb.BenchDefinition)!;
        plain["id"] = $"bench-plain-{stamp}";
        var experiment = JsonNode.Parse(BenchVerb.BenchDefinition)!;
        experiment["id"] = $"bench-experiment-{stamp}";
        experiment["experiment"] = JsonNode.Parse(Experiment);

        var baseline = await PlanAsync(services, plain.ToJsonString(), time);
        var measured = await PlanAsync(services, experiment.ToJsonString(), time);
        Console.WriteLine($"ratio experiment / plain: {measured.TotalSeconds / baseline.TotalSeconds:0.00}x");
        return 0;
    }

    /// <summary>Prints the database, then generates the synthetic shop (<c>--customers</c>, <c>--items</c>) unless <c>--skip-generate</c>.</summary>
    internal static async Task<TimeProvider> GenerateAsync(IServiceProvider services, CliArgs cli, int defaultCustomers)
    {
        var time = services.GetRequiredService<TimeProvider>();
        Console.WriteLine($"database: {services.GetRequiredService<CampaignsDatabase>().Describe()}; {Environment.ProcessorCount} cores");
        if (!cli.Flag("skip-generate"))
            await new SyntheticShop(cli.Int("customers", defaultCustomers), cli.Int("items", 10_000), time.GetUtcNow()).WriteAsync(
                services.GetRequiredService<IImportWriter>(), line => Console.Error.Write("\r" + line), CancellationToken.None);
        Console.Error.WriteLine();
        return time;
    }

    /// <summary>Saves and plans one campaign, prints its figures and phases; <paramref name="planner"/> replaces the host's (bench decisions).</summary>
    internal static async Task<TimeSpan> PlanAsync(IServiceProvider services, string json, TimeProvider time, CampaignPlanner? planner = null)
    {
        var campaigns = services.GetRequiredService<CampaignService>();
        var stored = await campaigns.SaveAsync(json, CancellationToken.None);
        var campaign = await campaigns.GetCompiledAsync(stored.Id, stored.Version, CancellationToken.None);
        var plan = await (planner ?? services.GetRequiredService<CampaignPlanner>()).PlanAsync(campaign, new Occurrence("once", time.GetUtcNow()), PlanMode.Scheduled, CancellationToken.None);
        var decisions = 0L;
        await foreach (var batch in (planner is null ? services.GetRequiredService<IDecisionLog>() : NoDecisionLog.Instance).ReadAsync(campaign.Id, null, 50_000, CancellationToken.None))
            decisions += batch.Count;
        Console.WriteLine($"{campaign.Id}: audience {plan.Audience:N0}, planned {plan.Planned:N0}, suppressed {plan.Suppressed.Values.Sum():N0} " +
                          $"({string.Join(", ", plan.Suppressed.Select(s => $"{s.Key} {s.Value:N0}"))}) in {plan.Elapsed.TotalSeconds:0.0}s " +
                          $"({plan.Audience / plan.Elapsed.TotalSeconds:N0} customers/s), {decisions:N0} decisions logged");
        Console.WriteLine($"  phases (summed over {Environment.ProcessorCount} workers): audience {plan.Phases.Audience.TotalSeconds:0.0}s, " +
                          $"rules+recommend+render+timing {plan.Phases.Pipeline.TotalSeconds:0.0}s, ledger insert {plan.Phases.Ledger.TotalSeconds:0.0}s, " +
                          $"decision log {plan.Phases.DecisionLog.TotalSeconds:0.0}s");
        return plan.Elapsed;
    }
}
