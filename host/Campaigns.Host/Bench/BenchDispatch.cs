using System.Diagnostics;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Delivery;
using Campaigns.Host.Cli;
using Campaigns.Planning;
using Campaigns.Stages;
using Campaigns.Storage;
using Hangfire;

namespace Campaigns.Host.Bench;

/// <summary>
/// <c>bench dispatch</c>: plans N messages to a local webhook sink and sends them with our dispatcher (claims of 500
/// rows, two dispatchers at once), then M messages with one Hangfire job per message, on the configured database and
/// Hangfire storage (use PostgreSQL). Prints messages/s, duplicates and losses counted by the sink, and the ratio.
/// </summary>
internal static class BenchDispatch
{
    public const string Usage = "bench dispatch [--messages 50000] [--naive-messages 5000] [--dispatchers 2]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var cli = new CliArgs(args, new HashSet<string>());
        var (count, naiveCount, dispatchers) = (cli.Int("messages", 50_000), cli.Int("naive-messages", 5_000), cli.Int("dispatchers", 2));
        Console.WriteLine($"database: {services.GetRequiredService<CampaignsDatabase>().Describe()}; {Environment.ProcessorCount} cores");
        await using var sink = await DispatchSink.StartAsync();
        var campaigns = services.GetRequiredService<CampaignService>();
        var stored = await campaigns.SaveAsync(Definition(sink.Url), CancellationToken.None);
        var campaign = await campaigns.GetCompiledAsync(stored.Id, stored.Version, CancellationToken.None);
        var ledger = services.GetRequiredService<ILedgerStore>();
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var ours = await PlantAsync(ledger, campaign, $"ours-{stamp}", count);
        var watch = Stopwatch.StartNew();
        var dispatcher = services.GetRequiredService<DeliveryDispatcher>();
        var results = await Task.WhenAll(Enumerable.Range(0, dispatchers).Select(_ => Task.Run(() =>
            dispatcher.DispatchAsync(new DispatchScope(campaign.Id, $"ours-{stamp}"), CancellationToken.None))));
        var oursRate = count / watch.Elapsed.TotalSeconds;
        Report("ours (ledger claims, batches)", count, ours, sink, watch.Elapsed, results.Sum(r => r.Sent));

        var naive = await PlantAsync(ledger, campaign, $"naive-{stamp}", naiveCount);
        var claimed = await ledger.ClaimDueAsync(new ClaimRequest(DateTimeOffset.UtcNow, naiveCount, "bench-naive", TimeSpan.FromHours(1), campaign.Id, $"naive-{stamp}"), CancellationToken.None);
        var channel = campaign.Channel.Create<IDeliveryChannel>(services.GetRequiredService<StageContextFactory>().Create(new CampaignRunInfo(campaign.Id, campaign.Version, "naive"), campaign.Channel.Registration));
        await channel.PrepareAsync(CancellationToken.None);
        NaiveDispatch.Channel = channel;
        var storage = services.GetRequiredService<JobStorage>();
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = Math.Max(4, Environment.ProcessorCount * 2), // as the host runs Hangfire
            Activator = new ServiceJobActivator(services),
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
        }, storage);
        var client = new BackgroundJobClient(storage);
        watch.Restart();
        foreach (var row in claimed) client.Enqueue<NaiveDispatch>(j => j.SendAsync(row.Key));
        while (naive.Count(sink.Received.ContainsKey) < naive.Count && watch.Elapsed < TimeSpan.FromMinutes(10)) await Task.Delay(50);
        var naiveRate = naiveCount / watch.Elapsed.TotalSeconds;
        Report("naive (one Hangfire job per message)", naiveCount, naive, sink, watch.Elapsed, naive.Count(sink.Received.ContainsKey));
        (channel as IDisposable)?.Dispose();
        Console.WriteLine($"ratio ours / naive: {oursRate / naiveRate:0.0}x");
        return 0;
    }

    private static void Report(string name, int planned, IReadOnlyList<string> keys, DispatchSink sink, TimeSpan elapsed, long sent)
    {
        var arrived = keys.Count(sink.Received.ContainsKey);
        var duplicates = keys.Sum(k => Math.Max(0, sink.Received.GetValueOrDefault(k) - 1));
        Console.WriteLine($"{name}: {planned:N0} messages in {elapsed.TotalSeconds:0.00}s = {planned / elapsed.TotalSeconds:N0} msg/s; " +
                          $"ledger sent {sent:N0}; sink received {arrived:N0}, duplicates {duplicates}, lost {planned - arrived}");
    }

    /// <summary>Due ledger rows of the bench campaign, as planning would leave them.</summary>
    private static async Task<IReadOnlyList<string>> PlantAsync(ILedgerStore ledger, CompiledCampaign campaign, string occurrence, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var body = "Hello, here are this month's bestsellers picked for you: alarm clock, lunch bag, cake stand. " + new string('.', 100);
        var rows = Enumerable.Range(0, count).Select(i => new LedgerEntry(LedgerEntry.KeyOf(campaign.Id, occurrence, $"c{i:D7}", "main"),
            campaign.Id, campaign.Version, occurrence, $"c{i:D7}", "main", DeliveryState.Planned, null, now, now, null, "Bestsellers", body, ["i1", "i2", "i3"])
            { ChannelKind = "webhook" }).ToList();
        foreach (var chunk in rows.Chunk(50_000)) await ledger.InsertAsync(chunk, CancellationToken.None);
        return [.. rows.Select(r => r.Key)];
    }

    private static string Definition(Uri sink) => $$$"""
    {
      "id": "bench-dispatch",
      "name": "Bench dispatch",
      "audience": { "key": "active-customers", "options": { "days": 90 } },
      "recommender": { "key": "most-popular", "count": 3 },
      "message": { "templateText": "{{ customer.id }}" },
      "timing": { "key": "fixed-local-time" },
      "channel": { "key": "webhook", "options": { "url": "{{{sink}}}", "secret": "bench-secret-0123456789", "concurrency": 32, "kind": "webhook" } },
      "schedule": { "type": "now" }
    }
    """;
}
