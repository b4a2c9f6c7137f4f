using System.Net;
using System.Text.Json;
using Campaigns.Data;
using Campaigns.Host.Plugins;
using Campaigns.Host.Segments;
using Campaigns.Host.Tests.Plugins;
using Campaigns.Host.Tests.Support;
using Campaigns.Import;
using Campaigns.Planning;
using Campaigns.Profiles;
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

    /// <summary><c>POST /api/v1/segments/preview</c>: a rule or any audience stage; mistakes answer 400 with the field and the rule's position.</summary>
    private static async Task PreviewAsync(HttpClient http)
    {
        var rule = await PostAsync(http, """{"rule":"orders_total >= 10","sample":5}""");
        Assert.Equal(HttpStatusCode.OK, rule.Status);
        Assert.Equal(40, rule.Json.GetProperty("size").GetInt32());
        var sample = rule.Json.GetProperty("sample").EnumerateArray().ToList();
        Assert.Equal(5, sample.Count);
        Assert.All(sample, m => Assert.StartsWith("fh", m.GetProperty("customerId").GetString(), StringComparison.Ordinal));
        Assert.All(sample, m => Assert.True(m.GetProperty("fields").GetProperty("orders_total").GetInt32() >= 10));

        var cluster = await PostAsync(http, """{"stage":"kmeans-segment","options":{"cluster":"Recent Frequent High Spenders"},"sample":3}""");
        Assert.Equal(HttpStatusCode.OK, cluster.Status);
        Assert.Equal(40, cluster.Json.GetProperty("size").GetInt32());
        Assert.All(cluster.Json.GetProperty("sample").EnumerateArray(), m => Assert.StartsWith("fh", m.GetProperty("customerId").GetString(), StringComparison.Ordinal));

        foreach (var (body, path, message) in new[]
                 {
                     ("""{"rule":"orders_total >= 10 and oders_90d > 1"}""", "$.rule", "position 24: unknown field 'oders_90d' (did you mean 'orders_90d'?)"),
                     ("""{"stage":"kmeans-segment","options":{"cluster":"big fans"}}""", "$.options", "cluster 'big fans' is not among the clusters found"),
                     ("""{"stage":"kmeans-segment","options":{"kMax":"four"}}""", "$.audience.options.kMax", ""),
                     ("""{"stage":"no-such-stage"}""", "$.audience.key", "no audience stage 'no-such-stage'"),
                     ("""{"rule":"orders_total > 1","sample":500}""", "$.sample", "between 0 and 200"),
                     ("""[1, 2]""", "$", "JSON object"),
                 })
        {
            var refused = await PostAsync(http, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            var error = refused.Json.GetProperty("errors")[0];
            Assert.Equal(path, error.GetProperty("path").GetString());
            Assert.Contains(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        http.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, """{"rule":"orders_total >= 10"}""")).Status);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(HttpClient http, string body)
    {
        using var response = await http.PostAsync("/api/v1/segments/preview", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
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
            Assert.EndsWith("features from purchase events (no stored profile has an order yet)", report.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Equal(["lapsed one-time low spenders", "recent frequent high spenders", "recent one-time low spenders"],
                report.RootElement.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));

            var bad = await http.GetAsync("/api/v1/segments/propensity-segment?options=" + Uri.EscapeDataString("""{"topPercent":0}"""));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("propensity-segment.options.topPercent", await bad.Content.ReadAsStringAsync());
            var unknown = await http.GetAsync("/api/v1/segments/big-spenders");
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("kmeans-segment", await unknown.Content.ReadAsStringAsync());

            // Once profiles are computed the clusters are built from them: the same groups.
            await app.Services.GetRequiredService<ProfileComputer>().ComputeAllAsync(null, CancellationToken.None);
            using var fromProfiles = JsonDocument.Parse(await http.GetStringAsync("/api/v1/segments/kmeans-segment"));
            Assert.EndsWith("features from customer profiles", fromProfiles.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Equal(["lapsed one-time low spenders", "recent frequent high spenders", "recent one-time low spenders"],
                fromProfiles.RootElement.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
            await PreviewAsync(http);
        }
        finally
        {
            await app.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
        }
    }
}
