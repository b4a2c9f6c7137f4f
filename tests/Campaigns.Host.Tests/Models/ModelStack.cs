using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Host.Plugins;
using Campaigns.Host.Tests.Plugins;
using Campaigns.Host.Tests.Support;
using Campaigns.Import;
using Campaigns.Models;
using Campaigns.Planning;
using Campaigns.Scheduling;
using Campaigns.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Models;

/// <summary>
/// One host's services for the model tests, on SQLite (a file in a temporary folder) or on a fresh PostgreSQL
/// database, with the bundled plugins loaded from disk, the sample data imported and a clock at 2026-11-30 09:00 UTC.
/// </summary>
internal sealed class ModelStack : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly PostgresDatabase? _postgres;
    private readonly string _folder;
    private readonly bool _owner;

    private ModelStack(CampaignsDatabase database, PostgresDatabase? postgres, string folder, bool owner)
    {
        (_postgres, _folder, _owner) = (postgres, folder, owner);
        Database = database;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Campaigns:PluginsFolder"] = Repo.StagedPlugins }).Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeClock(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero)))
            .AddCampaignsCore(new CampaignsPaths(Path.Combine(folder, "data"), Repo.Templates))
            .AddCampaignsData(database)
            .AddCampaignPlugins(configuration)
            .BuildServiceProvider();
    }

    public CampaignsDatabase Database { get; }
    public IServiceProvider Services => _services;
    public IModelRegistry Registry => _services.GetRequiredService<IModelRegistry>();
    public ModelTrainer Trainer => _services.GetRequiredService<ModelTrainer>();

    public static async Task<ModelStack> CreateAsync(bool postgres)
    {
        var folder = Path.Combine(Path.GetTempPath(), "campaigns-models", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var pg = postgres ? await PostgresDatabase.CreateAsync() : null;
        var database = pg is null ? CampaignsDatabase.SqliteFile(Path.Combine(folder, "campaigns.db")) : CampaignsDatabase.PostgreSql(pg.ConnectionString);
        var stack = new ModelStack(database, pg, folder, owner: true);
        await stack._services.MigrateCampaignsDatabaseAsync();
        await new InteractionImporter(stack._services.GetRequiredService<IImportWriter>(), TimeProvider.System).ImportAsync(Repo.SampleData);
        return stack;
    }

    /// <summary>A second host over the same database: its own services, plugin catalogue and connections.</summary>
    public ModelStack AnotherHost() => new(Database, _postgres, _folder, owner: false);

    /// <summary>One round of <paramref name="stage"/> with <paramref name="optionsJson"/> over the last <paramref name="windowDays"/> days before a 30-day hold-out.</summary>
    public Task<RetrainResult> RetrainAsync(string stage, string? optionsJson, int windowDays) =>
        Trainer.RetrainAsync(stage, optionsJson is null ? null : System.Text.Json.JsonDocument.Parse(optionsJson).RootElement.Clone(),
            new RetrainingSettings(windowDays, HoldoutDays: 30), CancellationToken.None);

    /// <summary>Saves the sample campaign with another recommender and timing stage and plans it, every message due now.</summary>
    public async Task<(PlanResult Plan, IReadOnlyList<LedgerEntry> Rows)> PlanAsync(string id, string recommender, string timing)
    {
        var json = (await File.ReadAllTextAsync(Repo.SampleCampaign))
            .Replace("\"id\": \"sample-bestsellers\"", $"\"id\": \"{id}\"", StringComparison.Ordinal)
            .Replace("\"key\": \"most-popular\", \"count\": 3, \"options\": { \"windowDays\": 30 }", recommender, StringComparison.Ordinal)
            .Replace("\"key\": \"fixed-local-time\", \"options\": { \"at\": \"10:00\" }", timing, StringComparison.Ordinal);
        var campaigns = _services.GetRequiredService<CampaignService>();
        var stored = await campaigns.SaveAsync(json, CancellationToken.None);
        var campaign = await campaigns.GetCompiledAsync(stored.Id, stored.Version, CancellationToken.None);
        var now = _services.GetRequiredService<TimeProvider>().GetUtcNow();
        var plan = await _services.GetRequiredService<CampaignPlanner>().PlanAsync(campaign, new Occurrence("once", now), PlanMode.SendNow, CancellationToken.None);
        var rows = await _services.GetRequiredService<ILedgerStore>().ListAsync(campaign.Id, "once", 100_000, CancellationToken.None);
        return (plan, rows);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (!_owner) return;
        if (_postgres is not null) await _postgres.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
