using System.Diagnostics;
using System.Text.Json;
using Campaigns.Evaluation;
using Campaigns.Host.Bench;
using Campaigns.Planning;
using Campaigns.Stages;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>bench recommend --input FILE</c>: loads an interactions file into the in-memory readers evaluation uses, then per
/// algorithm trains on every event and asks for every customer's top-k in parallel batches, printing train and
/// recommend seconds, customers per second and memory (the peak working set while that algorithm ran, the GC heap
/// after training, and the process's peak at the end). Figures for docs/benchmarks.md; nothing here is a test.
/// </summary>
internal static class BenchRecommend
{
    public const string Usage = "bench recommend --input FILE [--algorithms most-popular,trending,buy-again,item-knn,ease] [--k 10] [--batch 2000] [--customers N] [--options key={json}]...";

    private const double MiB = 1048576.0;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string input;
        List<AlgorithmChoice> algorithms;
        int k, batch;
        int? limit;
        try
        {
            var (rest, options) = EvaluateVerb.ExtractOptions(args);
            var cli = new CliArgs(rest, new HashSet<string>());
            if (cli.Positional.Count != 1) throw new ArgumentException($"unexpected argument '{cli.Positional[^1]}'");
            input = cli.Get("input") ?? throw new ArgumentException("--input FILE is required");
            k = cli.Int("k", 10);
            batch = cli.Int("batch", 2_000);
            if (k < 1 || batch < 1) throw new ArgumentException("--k and --batch must be at least 1");
            limit = cli.Get("customers") is null ? null : cli.Int("customers", 0);
            if (limit < 1) throw new ArgumentException("--customers must be at least 1");
            var keys = (cli.Get("algorithms") ?? "most-popular,trending,buy-again,item-knn,ease").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var unused = options.Keys.Except(keys, StringComparer.Ordinal).ToList();
            if (unused.Count > 0) throw new ArgumentException($"--options for {string.Join(", ", unused)}, which is not among the algorithms");
            algorithms = [.. keys.Select(key => new AlgorithmChoice(key, options.TryGetValue(key, out var o) ? o : (JsonElement?)null))];
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }

        var bench = new FullRecommendation(services.GetRequiredService<StageRegistry>(), services.GetRequiredService<ILoggerFactory>(),
            Path.Combine(services.GetRequiredService<CampaignsPaths>().DataFolder, "bench"));
        try
        {
            Console.WriteLine($"bench recommend: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / MiB / 1024:0.0} GiB available, server GC {System.Runtime.GCSettings.IsServerGC}");
            var loading = Stopwatch.StartNew();
            var loadCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var data = await InteractionSet.LoadAsync(input, services.GetRequiredService<TimeProvider>(), CancellationToken.None);
            var users = data.Events is EventTable table ? table.CustomerCount : data.Events.Select(e => e.CustomerId).Distinct(StringComparer.Ordinal).Count();
            Console.WriteLine($"load {input}: {data.Events.Count:N0} events, {users:N0} customers, {data.Items.Count:N0} items in {loading.Elapsed.TotalSeconds:0.0}s " +
                              $"(cpu {(Process.GetCurrentProcess().TotalProcessorTime - loadCpu).TotalSeconds:0.0}s); " +
                              $"working set {Environment.WorkingSet / MiB:N0} MiB, GC heap {GC.GetGCMemoryInfo().HeapSizeBytes / MiB:N0} MiB");
            foreach (var algorithm in algorithms)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var before = Environment.WorkingSet;
                using var sampler = new MemorySampler();
                var r = await bench.RunAsync(data, algorithm, k, batch, limit, CancellationToken.None);
                Console.WriteLine($"{r.Algorithm}: train {r.TrainSeconds:0.0}s (cpu {r.TrainCpuSeconds:0.0}s), recommend {r.RecommendSeconds:0.0}s (cpu {r.RecommendCpuSeconds:0.0}s) for {r.Customers:N0} customers " +
                                  $"({r.Customers / Math.Max(r.RecommendSeconds, 1e-9):N0}/s), short lists {r.ShortLists:N0}, distinct items {r.DistinctItems:N0}; " +
                                  $"peak working set {sampler.Peak / MiB:N0} MiB (before {before / MiB:N0} MiB)");
            }
            Console.WriteLine($"process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / MiB:N0} MiB");
            return 0;
        }
        catch (Exception ex) when (ex is EvaluationException or FileNotFoundException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine($"{input}: {ex.Message}");
            return 2;
        }
    }
}
