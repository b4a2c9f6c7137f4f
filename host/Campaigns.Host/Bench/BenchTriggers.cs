using System.Diagnostics;
using System.Globalization;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Events;
using Campaigns.Host.Cli;
using Campaigns.Host.Triggers;
using Campaigns.Storage;
using Campaigns.Triggers;

namespace Campaigns.Host.Bench;

/// <summary>
/// <c>bench triggers</c>: a load generator stores and publishes cart_add and purchase events at a fixed rate while the
/// trigger worker plans abandoned-cart messages; reports the latency from each write's commit to its ledger rows, and
/// the same for the naive path (each event planned alone with its campaign's stages prepared afresh, as a campaign run
/// per event would) on other customers in the same run.
/// </summary>
internal static class BenchTriggers
{
    public const string Usage = "bench triggers [--db sqlite|postgres] [--rate 1000] [--seconds 30] [--baseline-seconds 10] [--customers 20000]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var cli = new CliArgs(args, new HashSet<string>());
        var database = services.GetRequiredService<CampaignsDatabase>();
        if (cli.Get("db") is { } wanted && !string.Equals(wanted, database.Provider == DatabaseProvider.PostgreSql ? "postgres" : "sqlite", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"--db {wanted}: the configured database is {database.Describe()} (set ConnectionStrings__Campaigns for PostgreSQL, leave it unset for SQLite)");
            return 2;
        }
        var (rate, seconds, baselineSeconds, customers) = (cli.Int("rate", 1_000), cli.Int("seconds", 30), cli.Int("baseline-seconds", 10), cli.Int("customers", 20_000));
        Console.WriteLine($"database: {database.Describe()}; {Environment.ProcessorCount} cores; rate {rate:N0} events/s");
        var time = services.GetRequiredService<TimeProvider>();
        await new SyntheticShop(customers, 1_000, time.GetUtcNow()).WriteAsync(services.GetRequiredService<IImportWriter>(), _ => { }, CancellationToken.None);
        var campaigns = services.GetRequiredService<CampaignService>();
        await campaigns.SaveAsync(Definition, CancellationToken.None);

        var queue = services.GetRequiredService<TriggerQueue>();
        var latency = services.GetRequiredService<TriggerLatency>();
        var run = $"{time.GetUtcNow().ToUnixTimeSeconds()}";
        // Ours: the hosted worker, micro-batches, stages kept. Customers of the first half of the shop.
        var worker = ActivatorUtilities.CreateInstance<TriggerWorker>(services);
        await worker.StartAsync(CancellationToken.None);
        // One second of load first, not counted: a serving host has its stages prepared, connections open and code jitted.
        await LoadAsync(services, latency, rate, 1, 0, customers / 2, "warmup-" + run);
        var ours = await LoadAsync(services, latency, rate, seconds, 0, customers / 2, "ours-" + run);
        await worker.StopAsync(CancellationToken.None);
        Report("ours (micro-batches, stages kept)", ours);

        // Baseline: one event at a time, stages prepared per event. Customers of the second half.
        await using var naive = ActivatorUtilities.CreateInstance<TriggerProcessor>(services, false);
        using var stop = new CancellationTokenSource();
        var consumer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var one = await queue.TakeAsync(1, stop.Token);
                await naive.ProcessAsync(one, CancellationToken.None);
                var now = time.GetUtcNow();
                foreach (var w in one.Where(w => w.Kind != TriggerWorkKind.Cancel)) latency.Record(now - w.AcceptedAt);
                queue.Done(one.Count);
            }
        });
        var baseline = await LoadAsync(services, latency, rate, baselineSeconds, customers / 2, customers, "naive-" + run);
        await stop.CancelAsync();
        try { await consumer; } catch (OperationCanceledException) { }
        Report("naive (one plan per event, stages prepared per event)", baseline);
        Console.WriteLine($"ratio p99 naive / ours: {baseline.P(0.99) / ours.P(0.99):N0}x; throughput ours / naive: {ours.PlannedPerSecond / baseline.PlannedPerSecond:0.0}x");
        return 0;
    }

    private static async Task<Load> LoadAsync(IServiceProvider services, TriggerLatency latency, int rate, int seconds, int firstCustomer, int endCustomer, string prefix)
    {
        var writer = services.GetRequiredService<IImportWriter>();
        var publisher = services.GetRequiredService<EventPublisher>();
        var queue = services.GetRequiredService<TriggerQueue>();
        var time = services.GetRequiredService<TimeProvider>();
        var random = new Random(7);
        var phases = services.GetRequiredService<TriggerPhases>();
        phases.Start();
        latency.Start();
        var watch = Stopwatch.StartNew();
        long sent = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            // Catch up to the rate in one write per tick (about 100 writes/s), as an API taking small batches would.
            var due = (long)(watch.Elapsed.TotalSeconds * rate) - sent;
            if (due <= 0) { await Task.Delay(2); continue; }
            var now = time.GetUtcNow();
            var events = new List<StoredEvent>((int)due);
            for (var i = 0; i < due; i++)
            {
                var customer = "c" + random.Next(firstCustomer, endCustomer).ToString(CultureInfo.InvariantCulture);
                var type = random.NextDouble() < 0.85 ? InteractionTypes.CartAdd : InteractionTypes.Purchase;
                var item = "sku-" + random.Next(0, 1_000).ToString(CultureInfo.InvariantCulture);
                events.Add(new StoredEvent($"{prefix}:{sent + i}", new Interaction(customer, item, type, now)));
            }
            await writer.AddEventsAsync(events, CancellationToken.None);
            await publisher.PublishAsync(new AcceptedBatch([.. events.Select(e => e.Interaction)], [], [], time.GetUtcNow()), CancellationToken.None);
            sent += due;
        }
        var generated = watch.Elapsed;
        var drained = Task.Run(() => queue.WaitIdleAsync(CancellationToken.None));
        var backlog = await Task.WhenAny(drained, Task.Delay(TimeSpan.FromMinutes(2))) == drained ? 0 : queue.Pending;
        var total = watch.Elapsed;
        var recorded = latency.Stop().Order().ToArray();
        foreach (var (phase, ms) in phases.Stop())
        {
            var sorted = ms.Order().ToArray();
            Console.WriteLine($"  {prefix.Split('-')[0]} {phase,-10} per micro-batch ({sorted.Length:N0}): p50 {Q(sorted, 0.5):N1} ms, p99 {Q(sorted, 0.99):N1} ms, max {Q(sorted, 1):N1} ms");
        }
        return new Load(sent, generated, total, recorded, backlog);
    }

    private static void Report(string name, Load load) =>
        Console.WriteLine($"{name}: {load.Events:N0} events in {load.Generated.TotalSeconds:0.0}s ({load.Events / load.Generated.TotalSeconds:N0} events/s stored and published); " +
                          $"{load.Latencies.Length:N0} moments planned in {load.Total.TotalSeconds:0.0}s ({load.PlannedPerSecond:N0}/s); " +
                          $"latency accepted → ledger p50 {load.P(0.5):N1} ms, p95 {load.P(0.95):N1} ms, p99 {load.P(0.99):N1} ms, max {load.P(1):N1} ms" +
                          (load.Backlog > 0 ? $"; {load.Backlog:N0} still queued after 2 minutes (not in the percentiles)" : ""));

    private sealed record Load(long Events, TimeSpan Generated, TimeSpan Total, double[] Latencies, long Backlog)
    {
        public double PlannedPerSecond => Latencies.Length / Total.TotalSeconds;

        public double P(double q) => Q(Latencies, q);
    }

    private static double Q(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private const string Definition = """
    {
      "id": "bench-cart-abandoned",
      "name": "Bench: you left something in your cart",
      "audience": { "key": "active-customers", "options": { "days": 90 } },
      "recommender": { "key": "most-popular", "count": 2, "options": { "windowDays": 30 } },
      "message": { "templateText": "{{ items[0].title }} is still in your cart", "subject": "Still thinking about {{ items[0].title }}?" },
      "timing": { "key": "fixed-local-time", "options": { "at": "10:00" } },
      "channel": { "key": "outbox", "options": { "path": "bench-trigger-outbox.jsonl" } },
      "schedule": { "type": "trigger" },
      "trigger": { "on": "cart-abandoned", "delay": "PT1H", "cooldownHours": 24 }
    }
    """;
}
