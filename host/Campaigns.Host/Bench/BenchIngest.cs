using System.Diagnostics;
using System.Net.Http.Headers;
using Campaigns.Data;
using Campaigns.Data.Access;
using Campaigns.Data.Ingest;
using Campaigns.Host.Api;
using Campaigns.Host.Api.Phases;
using Campaigns.Host.Cli;
using Campaigns.Planning;
using Campaigns.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace Campaigns.Host.Bench;

/// <summary>
/// <c>bench ingest</c>: serves the write API on a loopback port (Kestrel, the API exactly as the host maps it) over a
/// fresh database, and a local load generator posts pre-built batches of events from C concurrent clients. Measured:
/// events/s from the first request to the last answer, for our store and, in the same run, for the naive store (one
/// INSERT per event). Every event must be stored exactly once; the run says so or fails.
/// </summary>
internal static class BenchIngest
{
    public const string Usage = "bench ingest --db sqlite|postgres [--events 1000000] [--naive-events 100000] [--batch 1000] [--clients 4] [--warmup batches]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var cli = new CliArgs(args, new HashSet<string>());
        var db = cli.Get("db") ?? "sqlite";
        var (events, naiveEvents, batch, clients) = (cli.Int("events", 1_000_000), cli.Int("naive-events", 100_000), cli.Int("batch", 1000), cli.Int("clients", 4));
        // Untimed batches posted first; by default a tenth, at most 20, and never more than half of a run's batches (the
        // naive run is shorter). A longer warm-up lets tiered compilation finish on a busy machine, so the timed part
        // measures the sustained rate rather than the JIT (docs/benchmarks.md).
        var warmUp = cli.Get("warmup") is null ? (int?)null : cli.Int("warmup", 0);
        var server = services.GetRequiredService<IConfiguration>().GetConnectionString("Campaigns");
        if (db == "postgres" && string.IsNullOrEmpty(server))
        {
            Console.Error.WriteLine("bench ingest --db postgres needs ConnectionStrings:Campaigns (a server where it may create a scratch database)");
            return 2;
        }
        Console.WriteLine($"bench ingest: {db}, batches of {batch:N0}, {clients} clients, {Environment.ProcessorCount} cores, {DateTimeOffset.UtcNow:yyyy-MM-dd}");

        var ours = await RunOnceAsync(db, server, naive: false, events, batch, clients, warmUp);
        var baseline = await RunOnceAsync(db, server, naive: true, naiveEvents, batch, clients, warmUp);
        Console.WriteLine($"ratio: ours / naive = {ours / baseline:0.0}x");
        return 0;
    }

    private static async Task<double> RunOnceAsync(string db, string? server, bool naive, int events, int batchSize, int clients, int? warmUp)
    {
        var now = DateTimeOffset.UtcNow;
        var batches = EventBatches.Build(naive ? "naive" : "ours", events, batchSize, now);
        await using var scratch = await ScratchDatabase.CreateAsync(db, server);
        var app = await StartAsync(scratch.Database, naive);
        try
        {
            return await LoadAsync(app, naive, batches, events, batchSize, clients, Math.Min(warmUp ?? Math.Min(20, batches.Length / 10), batches.Length / 2));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<double> LoadAsync(WebApplication app, bool naive, byte[][] batches, int events, int batchSize, int clients, int warmUp)
    {
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/v1/events";
        var key = (await app.Services.GetRequiredService<IApiKeyStore>().CreateAsync("bench", [ApiScopes.EventsWrite], CancellationToken.None))!;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        // Warm-up, untimed: the first batches run while the JIT is still tiering up (seconds on a loaded machine), which
        // would otherwise count against whichever store is measured first.
        await PostAllAsync(http, url, batches, 0, warmUp, clients);
        var phases = app.Services.GetRequiredService<IngestPhases>();
        var before = phases.Snapshot();
        var watch = Stopwatch.StartNew();
        var stored = await PostAllAsync(http, url, batches, warmUp, batches.Length, clients);
        var elapsed = watch.Elapsed;
        var spent = phases.Snapshot().Since(before);
        var rows = await CountAsync(app.Services);
        var timed = events - warmUp * batchSize; // the warm-up batches are the first, all full
        var rate = timed / elapsed.TotalSeconds;
        Console.WriteLine($"{(naive ? "naive (one INSERT per event)" : "ours (one INSERT / prepared batch)"),-32} {timed:N0} events timed after {events - timed:N0} warm-up " +
                          $"({EventBatches.BytesPerEvent(batches, events):0} bytes each) in {elapsed.TotalSeconds:0.0}s: {rate:N0} events/s; " +
                          $"stored {stored:N0} + warm-up, rows {rows:N0}{(rows == events && stored == timed ? "" : "  MISMATCH")}");
        Console.WriteLine(PhaseReport.Format(spent, elapsed * clients));
        if (rows != events || stored != timed) throw new InvalidOperationException("not every event was stored exactly once");
        return rate;
    }

    /// <summary>Posts batches [<paramref name="from"/>, <paramref name="to"/>) from <paramref name="clients"/> concurrent clients; returns the events stored.</summary>
    private static async Task<long> PostAllAsync(HttpClient http, string url, byte[][] batches, int from, int to, int clients)
    {
        var next = from - 1;
        var stored = 0L;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) < to)
            {
                using var content = new ByteArrayContent(batches[b]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync(url, content);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"batch {b}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                var answer = await response.Content.ReadFromJsonAsync<BatchAccepted>();
                Interlocked.Add(ref stored, answer!.Stored);
            }
        })));
        return stored;
    }

    private static async Task<WebApplication> StartAsync(CampaignsDatabase database, bool naive)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services
            .AddCampaignsCore(new CampaignsPaths(Path.GetTempPath(), Path.GetTempPath()))
            .AddCampaignsData(database)
            .AddCampaignsApi(builder.Configuration);
        if (naive)
            builder.Services.AddSingleton<IIngestStore>(sp => new NaiveEventStore(sp.GetRequiredService<ISqlDatabase>(),
                ActivatorUtilities.CreateInstance<IngestStore>(sp)));
        var app = builder.Build();
        app.MapCampaignsApi();
        await app.Services.MigrateCampaignsDatabaseAsync();
        await app.StartAsync();
        return app;
    }

    private static async Task<long> CountAsync(IServiceProvider services)
    {
        await using var connection = await services.GetRequiredService<ISqlDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM events";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A fresh SQLite file or PostgreSQL database for one run, deleted afterwards.</summary>
    private sealed class ScratchDatabase(CampaignsDatabase database, string? server, string? name, string? folder) : IAsyncDisposable
    {
        public CampaignsDatabase Database { get; } = database;

        public static async Task<ScratchDatabase> CreateAsync(string db, string? server)
        {
            if (db != "postgres")
            {
                var folder = Path.Combine(Path.GetTempPath(), "campaigns-bench-ingest", Guid.NewGuid().ToString("N"));
                return new ScratchDatabase(CampaignsDatabase.SqliteFile(Path.Combine(folder, "campaigns.db")), null, null, folder);
            }
            var name = "campaigns_bench_" + Guid.NewGuid().ToString("N")[..12];
            await AdminAsync(server!, $"CREATE DATABASE {name}");
            return new ScratchDatabase(CampaignsDatabase.PostgreSql(new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString()), server, name, null);
        }

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            if (name is not null) await AdminAsync(server!, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            if (folder is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try { Directory.Delete(folder, recursive: true); }
                catch (IOException) { }
            }
        }

        private static async Task AdminAsync(string server, string sql)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
