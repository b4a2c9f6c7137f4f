using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Delivery;
using Campaigns.Host.Tests.Plugins;
using Campaigns.Host.Tests.Support;
using Campaigns.Host.Plugins;
using Campaigns.Import;
using Campaigns.Plugins;
using Campaigns.Planning;
using Campaigns.Scheduling;
using Campaigns.Stages;
using Campaigns.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Campaigns.Host.Tests.Delivery;

/// <summary>
/// The product's own services over a real PostgreSQL database (or a SQLite file), the bundled plugins loaded from disk, the sample data
/// imported and a test clock: what one host process has, minus Hangfire.
/// </summary>
internal sealed class CampaignStack : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "campaigns-stack", Guid.NewGuid().ToString("N"));

    private readonly bool _ownsDatabase;
    private readonly PostgresDatabase? _postgres;
    private readonly CampaignsDatabase _store;
    private readonly Action<IServiceCollection>? _configure;

    private CampaignStack(CampaignsDatabase store, PostgresDatabase? postgres, TimeProvider clock, DeliveryPolicy policy, bool ownsDatabase,
        Campaigns.Tracking.TrackingOptions? tracking = null, Action<IServiceCollection>? configure = null)
    {
        _store = store;
        _postgres = postgres;
        _configure = configure;
        Time = clock;
        Policy = policy;
        _ownsDatabase = ownsDatabase;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Campaigns:PluginsFolder"] = Repo.StagedPlugins }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(policy)
            .AddSingleton(tracking ?? Campaigns.Tracking.TrackingOptions.Off);
        configure?.Invoke(services);
        _services = services
            .AddCampaignsCore(new CampaignsPaths(Path.Combine(_folder, "data"), Repo.Templates))
            .AddCampaignsData(store)
            .AddCampaignPlugins(configuration)
            .BuildServiceProvider();
    }

    /// <summary>The PostgreSQL database (stacks made with <c>sqlite: true</c> have none).</summary>
    public PostgresDatabase Database => _postgres ?? throw new InvalidOperationException("this stack runs on SQLite");

    /// <summary>Which database the stack runs on.</summary>
    public DatabaseProvider Provider => _store.Provider;
    public TimeProvider Time { get; }
    public FakeClock Clock => (FakeClock)Time;
    public DeliveryPolicy Policy { get; }
    public IServiceProvider Services => _services;
    public string Outbox => Path.Combine(_folder, "data", "outbox.jsonl");
    public ILedgerStore Ledger => _services.GetRequiredService<ILedgerStore>();

    /// <summary>
    /// A stack over a fresh database (PostgreSQL, or a SQLite file with <paramref name="sqlite"/>) with the sample imported; a
    /// test clock at 2026-11-30 09:00 UTC unless <paramref name="time"/> is given; <paramref name="configure"/> adds services
    /// before the product's own (which only add what is missing).
    /// </summary>
    public static async Task<CampaignStack> CreateAsync(DeliveryPolicy? policy = null, TimeProvider? time = null, Campaigns.Tracking.TrackingOptions? tracking = null,
        bool sqlite = false, Action<IServiceCollection>? configure = null)
    {
        var postgres = sqlite ? null : await PostgresDatabase.CreateAsync();
        var store = postgres is null
            ? CampaignsDatabase.SqliteFile(Path.Combine(Path.GetTempPath(), "campaigns-stack", Guid.NewGuid().ToString("N"), CampaignsDatabase.SqliteFileName))
            : CampaignsDatabase.PostgreSql(postgres.ConnectionString);
        var stack = new CampaignStack(store, postgres, time ?? new FakeClock(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero)),
            policy ?? DeliveryPolicy.None, ownsDatabase: true, tracking, configure);
        await stack._services.MigrateCampaignsDatabaseAsync();
        await new InteractionImporter(stack._services.GetRequiredService<IImportWriter>(), stack.Time).ImportAsync(Repo.SampleData);
        return stack;
    }

    /// <summary>A second host: its own services, plugin catalogue and connection pool over the same database and clock.</summary>
    public CampaignStack AnotherHost() => new(_store, _postgres, Time, Policy, ownsDatabase: false, configure: _configure);

    /// <summary>Saves a definition and compiles the stored version.</summary>
    public async Task<CompiledCampaign> SaveAsync(string json)
    {
        var campaigns = _services.GetRequiredService<CampaignService>();
        var stored = await campaigns.SaveAsync(json, CancellationToken.None);
        return await campaigns.GetCompiledAsync(stored.Id, stored.Version, CancellationToken.None);
    }

    /// <summary>Plans one occurrence starting at <paramref name="start"/>.</summary>
    public Task<PlanResult> PlanAsync(CompiledCampaign campaign, string occurrence, DateTimeOffset start, PlanMode mode = PlanMode.Scheduled) =>
        _services.GetRequiredService<CampaignPlanner>().PlanAsync(campaign, new Occurrence(occurrence, start), mode, CancellationToken.None);

    public void AddChannel(string key, Func<IDeliveryChannel> create) =>
        _services.GetRequiredService<StageRegistry>().RegisterPlugin("tests", stages =>
            stages.AddChannel<NoOptions>(new StageInfo(key, "test channel"), (_, _) => create()));

    /// <summary>Saves the sample campaign with another channel and plans its occurrence, every message due now.</summary>
    public async Task<(CompiledCampaign Campaign, PlanResult Plan)> PlanSampleAsync(string channelKey)
    {
        var json = (await File.ReadAllTextAsync(Repo.SampleCampaign)).Replace("\"key\": \"outbox\"", $"\"key\": \"{channelKey}\"", StringComparison.Ordinal);
        if (channelKey != "outbox") json = json.Replace("\"options\": { \"path\": \"outbox.jsonl\" }", "\"options\": {}", StringComparison.Ordinal);
        var campaigns = _services.GetRequiredService<CampaignService>();
        var stored = await campaigns.SaveAsync(json, CancellationToken.None);
        var campaign = await campaigns.GetCompiledAsync(stored.Id, stored.Version, CancellationToken.None);
        var plan = await _services.GetRequiredService<CampaignPlanner>().PlanAsync(campaign, new Occurrence("once", Time.GetUtcNow()), PlanMode.SendNow, CancellationToken.None);
        return (campaign, plan);
    }

    /// <summary>A dispatcher as a separate host would have it: its own worker name and batch size, the shared ledger.</summary>
    public DeliveryDispatcher Dispatcher(string worker, int batchSize) => new(
        Ledger, _services.GetRequiredService<CampaignService>(), _services.GetRequiredService<StageContextFactory>(), Time,
        new DispatchOptions { Worker = worker, BatchSize = batchSize, Lease = TimeSpan.FromMinutes(5) }, Policy,
        _services.GetRequiredService<IProviderPace>(), _services.GetRequiredService<ISuppressionStore>(), _services.GetRequiredService<Campaigns.Privacy.SuppressionCheck>(),
        _services.GetRequiredService<Campaigns.Tracking.LinkRewriter>(), NullLogger<DeliveryDispatcher>.Instance);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsDatabase && _postgres is not null) await _postgres.DisposeAsync();
        if (_ownsDatabase && _store.FilePath is { } file)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(Path.GetDirectoryName(file)!, recursive: true); }
            catch (IOException) { }
        }
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    public sealed class NoOptions;
}

internal static class StageContextExtensions
{
    public static StageContext GetStageContext(this IServiceProvider services, CompiledCampaign campaign) =>
        services.GetRequiredService<StageContextFactory>().Create(new CampaignRunInfo(campaign.Id, campaign.Version, "once"), campaign.Channel.Registration);
}
