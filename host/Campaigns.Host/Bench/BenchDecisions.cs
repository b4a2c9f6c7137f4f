using System.Text.Json.Nodes;
using Campaigns.Host.Cli;
using Campaigns.Planning;
using Campaigns.Storage;

namespace Campaigns.Host.Bench;

/// <summary>
/// <c>bench decisions</c>: what the decision log costs a large plan. Plans the bench campaign (with
/// <c>timing.exploration</c>, so slot decisions carry their candidate hours and features) twice in one process over one
/// synthetic shop: first with a planner whose decision log writes nothing (the baseline), then with the real log, and
/// prints both times, the phases and their ratio.
/// </summary>
internal static class BenchDecisions
{
    public const string Usage = "bench decisions [--customers 1000000] [--items 10000] [--exploration 0.2] [--skip-generate]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var cli = new CliArgs(args, new HashSet<string> { "skip-generate" });
        var exploration = double.Parse(cli.Get("exploration") ?? "0.2", System.Globalization.CultureInfo.InvariantCulture);
        var time = await BenchExperiment.GenerateAsync(services, cli, 1_000_000);

        var stamp = time.GetUtcNow().ToUnixTimeSeconds();
        var withoutLog = ActivatorUtilities.CreateInstance<CampaignPlanner>(services, (IDecisionLog)NoDecisionLog.Instance);
        var baseline = await BenchExperiment.PlanAsync(services, Definition($"bench-nolog-{stamp}", exploration), time, withoutLog);
        var measured = await BenchExperiment.PlanAsync(services, Definition($"bench-log-{stamp}", exploration), time);
        Console.WriteLine($"ratio with decision log / without: {measured.TotalSeconds / baseline.TotalSeconds:0.00}x");
        return 0;
    }

    private static string Definition(string id, double exploration)
    {
        var node = JsonNode.Parse(BenchVerb.BenchDefinition)!;
        node["id"] = id;
        node["timing"]!["exploration"] = exploration;
        return node.ToJsonString();
    }
}
