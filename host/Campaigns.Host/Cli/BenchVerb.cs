using System.Diagnostics;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Host.Bench;
using Campaigns.Planning;
using Campaigns.Scheduling;
using Campaigns.Storage;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>bench plan</c>: generates a synthetic shop (default 1M customers, 10k items) and plans one campaign over it with
/// the shipped template, timing the plan end to end and recording peak memory; then compares our render path with
/// naive Scriban in the same run. Results go to stdout for docs/benchmarks.md; nothing here is a test.
/// </summary>
internal sealed class BenchVerb : ICliVerb
{
    public string Name => "bench";
    public string Usage => "bench plan [--customers 1000000] [--items 10000] [--skip-generate] [--render-seconds 3]   plan benchmark (use PostgreSQL)" +
                           Environment.NewLine + "  " + BenchRecommend.Usage + "   train and recommend for every customer" +
                           Environment.NewLine + "  " + BenchDispatch.Usage + "   webhook dispatch: ours against one Hangfire job per message (use PostgreSQL)" +
                           Environment.NewLine + "  " + BenchIngest.Usage + "   events/s through the REST API: ours against one INSERT per event" +
                           Environment.NewLine + "  " + BenchSegment.Usage + "   rule segment over synthetic profiles, compiled vs interpreted; preview timing" +
                           Environment.NewLine + "  " + BenchTriggers.Usage + "   trigger latency: event accepted → ledger row, against a plan per event" +
                           Environment.NewLine + "  " + BenchExperiment.Usage + "   planning with an A/B experiment and holdout against the plain campaign" +
                           Environment.NewLine + "  " + BenchDecisions.Usage + "   planning with the decision log against without it" +
                           Environment.NewLine + "  " + BenchModels.Usage + "   a retraining round, then fitting at run time against loading the live model" +
                           Environment.NewLine + "  " + BenchSegments.Usage + "   K-means and propensity segments against a plain audience" +
                           Environment.NewLine + "  " + BenchMlPreview.Usage + "   ML segment preview with the live model against training per call";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args is ["recommend", ..]) return await BenchRecommend.RunAsync(services, args);
        if (args is ["dispatch", ..]) return await BenchDispatch.RunAsync(services, args[1..]);
        if (args is ["ingest", ..]) return await BenchIngest.RunAsync(services, args[1..]);
        if (args is ["segment", ..]) return await BenchSegment.RunAsync(services, args[1..]);
        if (args is ["triggers", ..]) return await BenchTriggers.RunAsync(services, args[1..]);
        if (args is ["experiment", ..]) return await BenchExperiment.RunAsync(services, args[1..]);
        if (args is ["decisions", ..]) return await BenchDecisions.RunAsync(services, args[1..]);
        if (args is ["models", ..]) return await BenchModels.RunAsync(services, args[1..]);
        if (args is ["segments", ..]) return await BenchSegments.RunAsync(services, args);
        if (args is ["ml-preview", ..]) return await BenchMlPreview.RunAsync(services, args[1..]);
        var cli = new CliArgs(args, new HashSet<string> { "skip-generate" });
        if (cli.Positional is not ["plan"])
        {
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }
        var customers = cli.Int("customers", 1_000_000);
        var items = cli.Int("items", 10_000);
        var time = services.GetRequiredService<TimeProvider>();
        Console.WriteLine($"database: {services.GetRequiredService<CampaignsDatabase>().Describe()}; {Environment.ProcessorCount} cores");

        if (!cli.Flag("skip-generate"))
        {
            var generate = Stopwatch.StartNew();
            await new SyntheticShop(customers, items, time.GetUtcNow()).WriteAsync(services.GetRequiredService<IImportWriter>(),
                line => Console.Error.Write("\r" + line), CancellationToken.None);
            Console.Error.WriteLine();
            Console.WriteLine($"generate: {customers:N0} customers, {items:N0} items, {customers:N0} events in {generate.Elapsed.TotalSeconds:0.0}s");
        }

        var templates = services.GetRequiredService<TemplateFolder>();
        var campaigns = services.GetRequiredService<CampaignService>();
        var stored = await campaigns.SaveAsync(BenchDefinition, CancellationToken.None);
        var campaign = await campaigns.GetCompiledAsync(stored.Id, stored.Version, CancellationToken.None);
        var occurrence = new Occurrence("bench-" + time.GetUtcNow().ToUnixTimeSeconds(), time.GetUtcNow());

        GC.Collect();
        var baseline = Process.GetCurrentProcess().WorkingSet64;
        var plan = await services.GetRequiredService<CampaignPlanner>().PlanAsync(campaign, occurrence, PlanMode.Scheduled, CancellationToken.None);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"plan: audience {plan.Audience:N0}, planned {plan.Planned:N0}, suppressed {plan.Suppressed.Values.Sum():N0}, failed {plan.Failed:N0} " +
                          $"in {plan.Elapsed.TotalSeconds:0.0}s ({plan.Audience / plan.Elapsed.TotalSeconds:N0} customers/s); " +
                          $"peak working set {peak / 1048576.0:N0} MiB (before plan {baseline / 1048576.0:N0} MiB); {plan.SendSlots.Count} send slots");
        Console.WriteLine($"plan phases (summed over {Environment.ProcessorCount} workers): audience {plan.Phases.Audience.TotalSeconds:0.0}s, " +
                          $"rules+recommend+render+timing {plan.Phases.Pipeline.TotalSeconds:0.0}s, ledger insert {plan.Phases.Ledger.TotalSeconds:0.0}s");

        foreach (var template in new[] { "messages/bestsellers.txt.scriban", "messages/bestsellers.push.scriban" })
        {
            var text = templates.TryRead(template, out var missing) ?? throw new InvalidOperationException(missing);
            var (naive, ours) = RenderBenchmark.Run(text, TimeSpan.FromSeconds(cli.Int("render-seconds", 3)));
            Console.WriteLine($"render {template}, one thread: naive Template.Render(anonymous object) {naive:N0}/s; ours {ours:N0}/s; ratio {ours / naive:0.0}x");
        }
        return 0;
    }

    internal const string BenchDefinition = """
    {
      "id": "bench-bestsellers",
      "name": "Bench bestsellers",
      "audience": { "key": "active-customers", "options": { "days": 90 } },
      "recommender": { "key": "most-popular", "count": 3, "options": { "windowDays": 30 } },
      "message": { "template": "messages/bestsellers.txt.scriban", "subject": "{{ items[0].title }} and more" },
      "timing": { "key": "fixed-local-time", "options": { "at": "10:00" } },
      "channel": { "key": "outbox", "options": { "path": "bench-outbox.jsonl" } },
      "schedule": { "type": "now" }
    }
    """;
}
