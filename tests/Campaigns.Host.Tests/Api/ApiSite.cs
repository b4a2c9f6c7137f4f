using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Campaigns.Data;
using Campaigns.Data.Access;
using Campaigns.Events;
using Campaigns.Host.Api;
using Campaigns.Host.Tests.Plugins;
using Campaigns.Host.Plugins;
using Campaigns.Host.Tests.Support;
using Campaigns.Planning;
using Campaigns.Scheduling;
using Campaigns.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaigns.Host.Tests.Api;

/// <summary>
/// The write API as the host serves it (Kestrel on a free loopback port) over a fresh SQLite file or PostgreSQL
/// database, with small limits, a test clock, a recording observer and one API key per scope; with
/// <c>triggers</c>, also the bundled plugins from disk and the trigger worker, as the served host runs them.
/// </summary>
internal sealed class ApiSite : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly PostgresDatabase? _postgres;
    private readonly string _folder;

    private ApiSite(WebApplication app, PostgresDatabase? postgres, string folder, string baseUrl)
    {
        _app = app;
        _postgres = postgres;
        _folder = folder;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public HttpClient Http { get; }
    public FakeClock Clock => (FakeClock)_app.Services.GetRequiredService<TimeProvider>();
    public RecordingObserver Observer => _app.Services.GetRequiredService<RecordingObserver>();
    public IServiceProvider Services => _app.Services;
    /// <summary>The host's data folder (where the outbox channel writes).</summary>
    public string Folder => _folder;
    /// <summary>A key with every write scope.</summary>
    public string WriterKey { get; private set; } = "";

    public static async Task<ApiSite> StartAsync(bool postgres, bool triggers = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "campaigns-api", Guid.NewGuid().ToString("N"));
        var database = postgres ? await PostgresDatabase.CreateAsync() : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Campaigns:Api:MaxBodyBytes"] = "20000",
            ["Campaigns:Api:MaxRecords"] = "50",
            ["Campaigns:Api:MaxDepth"] = "6",
            ["Campaigns:PluginsFolder"] = Repo.StagedPlugins,
        }).Build();
        builder.Services.AddSingleton<TimeProvider>(new FakeClock(Now))
            .AddSingleton<RecordingObserver>().AddSingleton<IEventObserver>(sp => sp.GetRequiredService<RecordingObserver>())
            .AddCampaignsCore(new CampaignsPaths(folder, Repo.Templates))
            .AddCampaignsData(database is null ? CampaignsDatabase.SqliteFile(Path.Combine(folder, "campaigns.db")) : CampaignsDatabase.PostgreSql(database.ConnectionString))
            .AddCampaignsApi(configuration);
        if (triggers) builder.Services.AddSingleton(DeliveryPolicy.None).AddCampaignPlugins(configuration).AddCampaignsTriggers(serve: true);
        var app = builder.Build();
        app.MapCampaignsApi();
        await app.Services.MigrateCampaignsDatabaseAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        var site = new ApiSite(app, database, folder, address);
        site.WriterKey = await site.KeyAsync("writer", ApiScopes.EventsWrite, ApiScopes.CustomersWrite, ApiScopes.CatalogWrite);
        return site;
    }

    public async Task<string> KeyAsync(string name, params string[] scopes) =>
        (await _app.Services.GetRequiredService<IApiKeyStore>().CreateAsync(name, scopes, CancellationToken.None))!;

    /// <summary>POSTs <paramref name="json"/> to <paramref name="path"/> with the writer key (or <paramref name="key"/>; "" for none).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string json, string? key = null, string contentType = "application/json") =>
        PostAsync(path, Encoding.UTF8.GetBytes(json), key, contentType);

    public async Task<HttpResponseMessage> PostAsync(string path, byte[] body, string? key = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        key ??= WriterKey;
        if (key.Length > 0) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await Http.SendAsync(request);
    }

    public async Task<long> CountAsync(string table)
    {
        return Convert.ToInt64(await ScalarAsync($"SELECT COUNT(*) FROM {table}", null), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<string?> PropertiesAsync(string eventId)
    {
        return await ScalarAsync("SELECT properties FROM events WHERE event_id = @id", eventId) as string;
    }

    public async Task<bool> HasEventAsync(string eventId)
    {
        return Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM events WHERE event_id = @id", eventId), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private async Task<object?> ScalarAsync(string sql, string? id)
    {
        await using var connection = await _app.Services.GetRequiredService<ISqlDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (id is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "id";
            parameter.Value = id;
            command.Parameters.Add(parameter);
        }
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>Keeps every batch the API published, as a profile or trigger subscriber would see them.</summary>
internal sealed class RecordingObserver : IEventObserver
{
    public ConcurrentQueue<AcceptedBatch> Batches { get; } = new();

    public ValueTask OnAcceptedAsync(AcceptedBatch batch, CancellationToken cancellationToken)
    {
        Batches.Enqueue(batch);
        return ValueTask.CompletedTask;
    }
}
