using System.Net.Http.Headers;
using System.Text;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Delivery;
using Campaigns.Host.Api;
using Campaigns.Host.Plugins;
using Campaigns.Host.Tests.Plugins;
using Campaigns.Host.Tests.Support;
using Campaigns.Planning;
using Campaigns.Scheduling;
using Campaigns.Storage;
using Campaigns.Triggers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaigns.Host.Tests.Triggers;

/// <summary>
/// The host as it serves the event API with trigger campaigns: Kestrel on a loopback port, the bundled plugins from
/// disk, the trigger worker as a hosted service, a test clock, the <see cref="TriggerShop"/> customers and items, and
/// one API key with <c>events:write</c> only.
/// </summary>
internal sealed class TriggerApiSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PostgresDatabase? _postgres;
    private readonly string _folder;
    private readonly HttpClient _http;
    private string _key = "";

    private TriggerApiSite(WebApplication app, PostgresDatabase? postgres, string folder)
    {
        _app = app;
        _postgres = postgres;
        _folder = folder;
        _http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/") };
    }

    public FakeClock Clock => (FakeClock)_app.Services.GetRequiredService<TimeProvider>();
    public string Outbox => Path.Combine(_folder, "data", "outbox.jsonl");

    public static async Task<TriggerApiSite> StartAsync(bool postgres)
    {
        var folder = Path.Combine(Path.GetTempPath(), "campaigns-trigger-api", Guid.NewGuid().ToString("N"));
        var database = postgres ? await PostgresDatabase.CreateAsync() : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Campaigns:PluginsFolder"] = Repo.StagedPlugins }).Build();
        builder.Services.AddSingleton<TimeProvider>(new FakeClock(TriggerStack.Start))
            .AddSingleton(DeliveryPolicy.None)
            .AddCampaignsCore(new CampaignsPaths(Path.Combine(folder, "data"), Repo.Templates))
            .AddCampaignsData(database is null ? CampaignsDatabase.SqliteFile(Path.Combine(folder, CampaignsDatabase.SqliteFileName)) : CampaignsDatabase.PostgreSql(database.ConnectionString))
            .AddCampaignPlugins(configuration)
            .AddCampaignsApi(configuration)
            .AddCampaignsTriggers(serve: true);
        var app = builder.Build();
        app.MapCampaignsApi();
        await app.Services.MigrateCampaignsDatabaseAsync();
        await TriggerShop.WriteAsync(app.Services.GetRequiredService<IImportWriter>(), TriggerStack.Start);
        await app.StartAsync();
        var site = new TriggerApiSite(app, database, folder);
        site._key = (await app.Services.GetRequiredService<IApiKeyStore>().CreateAsync("shop", [ApiScopes.EventsWrite], CancellationToken.None))!;
        return site;
    }

    public async Task<string> SaveAsync(string json) => (await _app.Services.GetRequiredService<CampaignService>().SaveAsync(json, CancellationToken.None)).Id;

    /// <summary>POSTs events to <c>/api/v1/events</c> with the shop's key and waits until the trigger worker planned what they started.</summary>
    public async Task<HttpResponseMessage> PostEventsAsync(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/events") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _key);
        var response = await _http.SendAsync(request);
        await _app.Services.GetRequiredService<TriggerQueue>().WaitIdleAsync(CancellationToken.None);
        return response;
    }

    public async Task<IReadOnlyDictionary<string, LedgerEntry>> RowsAsync(string campaignId) =>
        (await _app.Services.GetRequiredService<ILedgerStore>().ListAsync(campaignId, null, 1_000, CancellationToken.None)).ToDictionary(r => r.CustomerId);

    /// <summary>Sends whatever is due now, as the host's dispatcher would.</summary>
    public Task<DispatchResult> DispatchAsync() =>
        _app.Services.GetRequiredService<DeliveryDispatcher>().DispatchAsync(new DispatchScope(null, null), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
