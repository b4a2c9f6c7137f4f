using System.Net;
using System.Text.Json;
using Campaigns.Data;
using Campaigns.Host.Plugins;
using Campaigns.Host.Segments;
using Campaigns.Host.Tests.Plugins;
using Campaigns.Host.Tests.Support;
using Campaigns.Import;
using Campaigns.Planning;
using Campaigns.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Cli;

/// <summary><c>GET /api/v1/segments/{key}</c> with an API key, over loopback, with the planted groups imported, on both databases.</summary>
public sealed class SegmentsEndpointTests
{
    [Fact]
    public async Task The_endpoint_reports_clusters_and_refuses_bad_options_on_sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("campaigns-segments-api").FullName;
        await ServeAsync(CampaignsDatabase.SqliteFile(Path.Combine(folder, "campaigns.db")), folder);
    }

    [Fact]
    public async Task The_endpoint_reports_clusters_and_refuses_bad_options_on_postgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await ServeAsync(CampaignsDatabase.PostgreSql(database.ConnectionString), Directory.CreateTempSubdirectory("campaigns-segments-api").FullName);
    }

    private static async Task ServeAsync(CampaignsDatabase database, string folder)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var plugins = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Campaigns:PluginsFolder"] = Repo.StagedPlugins }).Build();
        builder.Services.AddSingleton<TimeProvider>(new FakeClock(PlantedShop.Now))
            .AddCampaignsCore(new CampaignsPaths(Path.Combine(folder, "data"), Repo.Templates))
            .AddCampaignsData(database)
            .AddCampaignPlugins(plugins);
        await using var app = builder.Build();
        await app.Services.MigrateCampaignsDatabaseAsync();
        var csv = Path.Combine(folder, "planted.csv");
        await File.WriteAllTextAsync(csv, PlantedShop.Csv(PlantedShop.ThreeGroups()));
        await new InteractionImporter(app.Services.GetRequiredService<IImportWriter>(), TimeProvider.System).ImportAsync(csv);
        app.MapGroup("/api/v1").MapCampaignsSegments();
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/segments/kmeans-segment")).StatusCode);
            var key = await app.Services.GetRequiredService<IApiKeyStore>().CreateAsync("marketing", [ApiScopes.SegmentsRead], CancellationToken.None);
            http.DefaultRequestHeaders.Authorization = new("Bearer", key);
            var clusters = await http.GetAsync("/api/v1/segments/kmeans-segment");
            Assert.Equal(HttpStatusCode.OK, clusters.StatusCode);
            using var report = JsonDocument.Parse(await clusters.Content.ReadAsStringAsync());
            Assert.Contains("k=3 chosen", report.RootElement.GetProperty("title").GetString());
            Assert.Equal(["lapsed one-time low spenders", "recent frequent high spenders", "recent one-time low spenders"],
                report.RootElement.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));

            var bad = await http.GetAsync("/api/v1/segments/propensity-segment?options=" + Uri.EscapeDataString("""{"topPercent":0}"""));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("propensity-segment.options.topPercent", await bad.Content.ReadAsStringAsync());
            var unknown = await http.GetAsync("/api/v1/segments/big-spenders");
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("kmeans-segment", await unknown.Content.ReadAsStringAsync());
        }
        finally
        {
            await app.StopAsync();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
        }
    }
}
