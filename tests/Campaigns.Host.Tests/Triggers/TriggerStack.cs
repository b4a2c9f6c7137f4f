using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Delivery;
using Campaigns.Events;
using Campaigns.Host.Tests.Plugins;
using Campaigns.Host.Tests.Support;
using Campaigns.Host.Plugins;
using Campaigns.Host.Triggers;
using Campaigns.Ingest;
using Campaigns.Planning;
using Campaigns.Scheduling;
using Campaigns.Storage;
using Campaigns.Triggers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Campaigns.Host.Tests.Triggers;

/// <summary>
/// One host's services over SQLite or PostgreSQL with the bundled plugins from disk, a test clock and the trigger
/// worker running; events are stored with the import writer and published as the event API does after its commit.
/// </summary>
internal sealed class TriggerStack : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    /// <summary>One event of a customer on an item.</summary>
    public static Interaction Event(string customer, string item, string type, DateTimeOffset at) => new(customer, item, type, at);

    private readonly ServiceProvider _services;
    private readonly TriggerWorker _worker;
    private readonly string _folder;
    private readonly Func<ValueTask>? _dropDatabase;
    private readonly bool _ownsFolder;
    private int _eventIds;

    private TriggerStack(CampaignsDatabase database, string folder, FakeClock clock, DeliveryPolicy policy, Func<ValueTask>? dropDatabase, bool ownsFolder = true)
    {
        _folder = folder;
        _ownsFolder = ownsFolder;
        _dropDatabase = dropDatabase;
        Clock = clock;
        Database = database;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Campaigns:PluginsFolder"] = Repo.StagedPlugins }).Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(policy)
            .AddCampaignsCore(new CampaignsPaths(Path.Combine(folder, "data"), Repo.Templates))
            .AddCampaignsData(database)
            .AddCampaignPlugins(configuration)
            .AddCampaignsTriggers(serve: false)
            .BuildServiceProvider();
        _worker = ActivatorUtilities.CreateInstance<TriggerWorker>(_services);
    }

    /// <summary>Completes when this host's worker finished its start-up catch-up.</summary>
    public Task CaughtUp => _worker.CaughtUp;

    /// <summary>Stops this host's worker as a dying process would: whatever it had not taken from its queue is gone.</summary>
    public Task CrashWorkerAsync() => _worker.StopAsync(CancellationToken.None);

    /// <summary>Runs this host's sweep now, as its timer would every minute.</summary>
    public Task<TriggerResult> SweepAsync() => _worker.SweepAsync(CancellationToken.None);

    /// <summary>Stores events and hands them to this host's queue without waiting: work a dead worker never takes.</summary>
    public async Task QueueAsync(params Interaction[] events)
    {
        await StoreAsync(events);
        await _services.GetRequiredService<EventPublisher>().PublishAsync(new AcceptedBatch(events, [], [], Clock.Now), CancellationToken.None);
    }

    /// <summary>Writes an item through the API's store (which keeps the change for replays); publishes it when <paramref name="publish"/>.</summary>
    public async Task PatchItemAsync(ItemPatch patch, bool publish = true)
    {
        var upsert = await _services.GetRequiredService<IIngestStore>().UpsertItemsAsync([patch], CancellationToken.None);
        Assert.Empty(upsert.Errors);
        if (publish) await PublishAsync(new AcceptedBatch([], [], upsert.Changes, Clock.Now));
    }

    /// <summary>Takes the ledger away (every query of it fails, as with the database unreachable) until <see cref="BringLedgerBackAsync"/>.</summary>
    public Task TakeLedgerAwayAsync() => ExecuteAsync("ALTER TABLE deliveries RENAME TO deliveries_away");

    /// <summary>Puts the ledger back.</summary>
    public Task BringLedgerBackAsync() => ExecuteAsync("ALTER TABLE deliveries_away RENAME TO deliveries");

    private async Task ExecuteAsync(string sql)
    {
        await using System.Data.Common.DbConnection connection = Database.Provider == DatabaseProvider.PostgreSql
            ? new Npgsql.NpgsqlConnection(Database.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public FakeClock Clock { get; }
    public CampaignsDatabase Database { get; }
    public IServiceProvider Services => _services;
    public ILedgerStore Ledger => _services.GetRequiredService<ILedgerStore>();
    public string Outbox => Path.Combine(_folder, "data", "outbox.jsonl");

    /// <summary>A fresh database of the given kind with the test shop (<see cref="TriggerShop"/>) in it, the worker started.</summary>
    public static async Task<TriggerStack> CreateAsync(bool postgres, DeliveryPolicy? policy = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "campaigns-triggers", Guid.NewGuid().ToString("N"));
        TriggerStack stack;
        if (postgres)
        {
            var server = await PostgresDatabase.CreateAsync();
            stack = new TriggerStack(CampaignsDatabase.PostgreSql(server.ConnectionString), folder, new FakeClock(Start), policy ?? DeliveryPolicy.None, server.DisposeAsync);
        }
        else
        {
            stack = new TriggerStack(CampaignsDatabase.SqliteFile(Path.Combine(folder, CampaignsDatabase.SqliteFileName)), folder, new FakeClock(Start), policy ?? DeliveryPolicy.None, null);
        }
        await stack._services.MigrateCampaignsDatabaseAsync();
        await TriggerShop.WriteAsync(stack._services.GetRequiredService<IImportWriter>(), Start);
        await stack._worker.StartAsync(CancellationToken.None);
        return stack;
    }

    /// <summary>A second host over the same database and clock (its own services, cache, queue and worker).</summary>
    public async Task<TriggerStack> AnotherHostAsync()
    {
        var other = new TriggerStack(Database, _folder, Clock, _services.GetRequiredService<DeliveryPolicy>(), null, ownsFolder: false);
        await other._worker.StartAsync(CancellationToken.None);
        return other;
    }

    public async Task<CompiledCampaign> SaveAsync(string json)
    {
        var campaigns = _services.GetRequiredService<CampaignService>();
        var stored = await campaigns.SaveAsync(json, CancellationToken.None);
        return await campaigns.GetCompiledAsync(stored.Id, stored.Version, CancellationToken.None);
    }

    /// <summary>Stores events (each with a new id, as a client resending would give) and publishes the committed batch; waits until the worker planned it.</summary>
    public async Task PublishAsync(params Interaction[] events)
    {
        var stored = events.Select(e => new StoredEvent($"test-{Interlocked.Increment(ref _eventIds)}", e)).ToList();
        await _services.GetRequiredService<IImportWriter>().AddEventsAsync(stored, CancellationToken.None);
        await PublishAsync(new AcceptedBatch(events, [], [], Clock.Now));
    }

    /// <summary>Stores events without publishing them (a write whose publication this host has not seen yet).</summary>
    public Task StoreAsync(params Interaction[] events) =>
        _services.GetRequiredService<IImportWriter>().AddEventsAsync([.. events.Select(e => new StoredEvent($"test-{Interlocked.Increment(ref _eventIds)}", e))], CancellationToken.None);

    /// <summary>Upserts a catalog item and publishes the change with what it was before.</summary>
    public async Task ChangeItemAsync(CatalogItem item, decimal previousPrice, int? previousStock)
    {
        await _services.GetRequiredService<IImportWriter>().UpsertItemsAsync([item], CancellationToken.None);
        await PublishAsync(new AcceptedBatch([], [], [new CatalogChange(item, previousPrice, previousStock)], Clock.Now));
    }

    public async Task PublishAsync(AcceptedBatch batch)
    {
        await _services.GetRequiredService<EventPublisher>().PublishAsync(batch, CancellationToken.None);
        await _services.GetRequiredService<TriggerQueue>().WaitIdleAsync(CancellationToken.None);
    }

    /// <summary>Every ledger row of a campaign, by key.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> RowsAsync(string campaignId) => await Ledger.ListAsync(campaignId, null, 10_000, CancellationToken.None);

    /// <summary>Sends whatever is due now, as the host's dispatcher would.</summary>
    public Task<DispatchResult> DispatchAsync() =>
        _services.GetRequiredService<DeliveryDispatcher>().DispatchAsync(new DispatchScope(null, null), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync(CancellationToken.None);
        _worker.Dispose();
        await _services.DisposeAsync();
        if (_dropDatabase is not null) await _dropDatabase();
        if (!_ownsFolder) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
