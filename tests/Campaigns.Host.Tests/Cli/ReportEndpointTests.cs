using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Campaigns.Data;
using Campaigns.Host.Reports;
using Campaigns.Host.Tests.Support;
using Campaigns.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaigns.Host.Tests.Cli;

/// <summary><c>GET campaigns/{id}/report</c> and <c>report.svg</c> in the <c>/api/v1</c> group, Kestrel on loopback, over PostgreSQL.</summary>
public sealed class ReportEndpointTests
{
    [Fact]
    public async Task The_report_is_served_as_json_and_svg_and_bad_queries_name_the_field()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await ExperimentLog.WriteAsync(CampaignsDatabase.PostgreSql(database.ConnectionString));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddCampaignsData(CampaignsDatabase.PostgreSql(database.ConnectionString)).AddCampaignsReports();
        await using var app = builder.Build();
        app.MapGroup("/api/v1").MapCampaignsReports();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/campaigns/promo/report")).StatusCode);
        var keys = app.Services.GetRequiredService<IApiKeyStore>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", await keys.CreateAsync("writer", [ApiScopes.EventsWrite], CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/v1/campaigns/promo/report")).StatusCode);
        http.DefaultRequestHeaders.Authorization = new("Bearer", await keys.CreateAsync("analyst", [ApiScopes.ReportsRead], CancellationToken.None));

        using var report = JsonDocument.Parse(await http.GetStringAsync("/api/v1/campaigns/promo/report"));
        Assert.Equal("holdout", report.RootElement.GetProperty("control").GetString());
        var b = report.RootElement.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("arm").GetString() == "b");
        var rate = b.GetProperty("conversionRate");
        Assert.Equal((0.2, true), (Math.Round(rate.GetProperty("estimate").GetDouble(), 6), rate.GetProperty("excludesZero").GetBoolean()));
        Assert.False(b.GetProperty("enoughData").GetBoolean());

        var svg = await http.GetAsync("/api/v1/campaigns/promo/report.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Equal(3, XDocument.Parse(await svg.Content.ReadAsStringAsync()).Root!.Descendants(XName.Get("polyline", "http://www.w3.org/2000/svg")).Count());

        var bad = await http.GetAsync("/api/v1/campaigns/promo/report?windowDays=forever");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("windowDays: 'forever'", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/campaigns/unknown/report")).StatusCode);
        await app.StopAsync();
    }
}
