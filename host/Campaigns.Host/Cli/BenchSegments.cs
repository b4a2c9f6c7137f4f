using System.Diagnostics;
using System.Text.Json;
using Campaigns.Evaluation;
using Campaigns.Host.Bench;
using Campaigns.Planning;
using Campaigns.Segments;
using Campaigns.Stages;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>bench segments --input FILE</c>: loads an interactions file into memory and times, on the same data in the same
/// run, the plain <c>active-customers</c> audience (the baseline: one aggregate pass), <c>kmeans-segment</c> and
/// <c>propensity-segment</c>, with their ratio to the baseline and peak memory. Figures for docs/benchmarks.md.
/// </summary>
internal static class BenchSegments
{
    public const string Usage = "bench segments --input FILE [--k-max 8] [--horizon 30] [--trees 30] [--skip kmeans-segment]";

    private const double MiB = 1048576.0;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string input;
        (string Key, string Options)[] audiences;
        try
        {
            var cli = new CliArgs(args, new HashSet<string>());
            if (cli.Positional.Count != 1) throw new ArgumentException($"unexpected argument '{cli.Positional[^1]}'");
            input = cli.Get("input") ?? throw new ArgumentException("--input FILE is required");
            audiences =
            [
                ("active-customers", """{"days":3650,"eventTypes":["purchase"]}"""),
                ("kmeans-segment", $$"""{"cluster":"1","kMax":{{cli.Int("k-max", 8)}}}"""),
                ("propensity-segment", $$"""{"horizonDays":{{cli.Int("horizon", 30)}},"trees":{{cli.Int("trees", 30)}}}"""),
            ];
            // At a million customers each audience is minutes: --skip leaves one out (never the baseline, which comes first).
            var skip = cli.Get("skip");
            audiences = [.. audiences.Where((a, i) => i == 0 || a.Key != skip)];
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }

        var bench = new AudienceBench(services.GetRequiredService<StageRegistry>(), services.GetRequiredService<ILoggerFactory>(),
            Path.Combine(services.GetRequiredService<CampaignsPaths>().DataFolder, "bench"));
        try
        {
            Console.WriteLine($"bench segments: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / MiB / 1024:0.0} GiB available");
            var loading = Stopwatch.StartNew();
            var data = await InteractionSet.LoadAsync(input, services.GetRequiredService<TimeProvider>(), CancellationToken.None);
            Console.WriteLine($"load {input}: {data.Events.Count:N0} events in {loading.Elapsed.TotalSeconds:0.0}s; working set {Environment.WorkingSet / MiB:N0} MiB");
            double? baseline = null;
            foreach (var (key, options) in audiences)
            {
                GC.Collect();
                using var sampler = new MemorySampler();
                var r = await bench.RunAsync(data, key, JsonDocument.Parse(options).RootElement.Clone(), CancellationToken.None);
                var total = r.PrepareSeconds + r.SelectSeconds;
                baseline ??= total;
                Console.WriteLine($"{key} {options}: {r.Customers:N0} customers; prepare {r.PrepareSeconds:0.0}s, select {r.SelectSeconds:0.0}s (cpu {r.CpuSeconds:0.0}s); " +
                                  $"{total / baseline.Value:0.0}x the baseline; peak working set {sampler.Peak / MiB:N0} MiB");
            }
            return 0;
        }
        catch (Exception ex) when (ex is EvaluationException or InvalidOperationException or FileNotFoundException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine($"{input}: {ex.Message}");
            return 2;
        }
    }
}
