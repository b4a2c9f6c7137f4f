using System.Diagnostics;
using System.Text.Json;
using Campaigns.Data;
using Campaigns.Host.Bench;
using Campaigns.Segments;
using Campaigns.Stages;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>bench segment --profiles 1000000</c>: runs the real <c>rule-segment</c> plugin over synthetic in-memory profiles,
/// compiled against its own tree-walking interpreter (the baseline) in the same run; with <c>--preview</c> also times
/// <c>segment preview</c> against the configured database (import Online Retail and run <c>profiles compute</c> first).
/// Figures for docs/benchmarks.md; nothing here is a test.
/// </summary>
internal static class BenchSegment
{
    public const string Usage = "bench segment [--profiles 1000000] [--expression RULE] [--runs 3] [--preview]";
    private const string DefaultRule = "orders_90d >= 2 and days_since_last_order > 30 and affinity(\"KITCHEN\") > 0.2";
    private static readonly string[] PreviewRules = ["orders_total >= 5 and avg_order_value > 300", "affinity(\"BAG\") > 0.2 or has_tag(\"christmas\")"];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var cli = new CliArgs(args, new HashSet<string> { "preview" });
        var count = cli.Int("profiles", 1_000_000);
        var runs = cli.Int("runs", 3);
        var rule = cli.Get("expression") ?? DefaultRule;
        if (!services.GetRequiredService<StageRegistry>().TryGet(StageKind.Audience, "rule-segment", out var registration))
        {
            Console.Error.WriteLine("the rule-segment plugin is not loaded (build plugins/Campaigns.Plugins.Segmentation)");
            return 1;
        }
        var time = services.GetRequiredService<TimeProvider>();
        var generate = Stopwatch.StartNew();
        var profiles = new SyntheticProfiles(count, time.GetUtcNow());
        Console.WriteLine($"bench segment: {Environment.ProcessorCount} cores; {count:N0} synthetic profiles in {generate.Elapsed.TotalSeconds:0.0}s; rule: {rule}");
        var compiled = await TimeAsync(services, registration, profiles, rule, "compiled", runs);
        var interpreted = await TimeAsync(services, registration, profiles, rule, "interpreted", runs);
        Console.WriteLine($"rule over {count:N0} profiles: compiled {compiled.Seconds:0.000}s ({count / compiled.Seconds:N0}/s), " +
                          $"interpreted {interpreted.Seconds:0.000}s ({count / interpreted.Seconds:N0}/s); {compiled.Size:N0} match; ratio {interpreted.Seconds / compiled.Seconds:0.0}x");
        if (compiled.Size != interpreted.Size) Console.WriteLine($"MISMATCH: interpreted finds {interpreted.Size:N0}");

        if (cli.Flag("preview"))
        {
            var preview = services.GetRequiredService<SegmentPreview>();
            foreach (var text in PreviewRules)
            {
                var options = JsonSerializer.SerializeToElement(new { expression = text });
                var times = new List<double>();
                long size = 0;
                for (var run = 0; run < Math.Max(runs, 3); run++)
                {
                    var result = await preview.PreviewAsync("rule-segment", options, SegmentPreview.DefaultSample, CancellationToken.None);
                    size = result.Size;
                    times.Add(result.Elapsed.TotalMilliseconds);
                }
                Console.WriteLine($"preview '{text}' on {services.GetRequiredService<CampaignsDatabase>().Describe()}: {size:N0} customers; " +
                                  $"first {times[0]:N0} ms, median of the rest {Median(times.Skip(1)):N0} ms");
            }
        }
        return 0;
    }

    private static async Task<(double Seconds, long Size)> TimeAsync(IServiceProvider services, StageRegistration registration,
        SyntheticProfiles profiles, string rule, string evaluator, int runs)
    {
        // The options class lives in the plugin's load context: bind it by type, as the campaign binder does.
        var bound = JsonSerializer.SerializeToElement(new { expression = rule, evaluator })
            .Deserialize(registration.OptionsType, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var seconds = new List<double>();
        long size = 0;
        for (var run = 0; run < runs; run++)
        {
            var context = new StageContext
            {
                Customers = profiles,
                Profiles = profiles,
                Catalog = services.GetRequiredService<ICatalogReader>(),
                Interactions = services.GetRequiredService<IInteractionReader>(),
                Time = services.GetRequiredService<TimeProvider>(),
                Logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("bench"),
                Run = new CampaignRunInfo("bench-segment", 1, "bench"),
                DataFolder = Path.GetTempPath(),
            };
            var watch = Stopwatch.StartNew();
            var stage = (IAudienceStage)registration.Create(context, bound);
            await stage.PrepareAsync(CancellationToken.None);
            size = 0;
            await foreach (var batch in stage.SelectAsync(new AudienceRequest(2_000), CancellationToken.None)) size += batch.Count;
            seconds.Add(watch.Elapsed.TotalSeconds);
        }
        return (Median(seconds), size);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }
}
