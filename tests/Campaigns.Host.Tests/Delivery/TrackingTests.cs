using System.Net;
using System.Text.RegularExpressions;
using Campaigns.Data;
using Campaigns.Delivery;
using Campaigns.Host.Tests.Plugins;
using Campaigns.Host.Tracking;
using Campaigns.Planning;
using Campaigns.Storage;
using Campaigns.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Campaigns.Host.Tests.Delivery;

/// <summary>
/// Click, open and one-click unsubscribe round trips through the host's real HTTP endpoints (Kestrel on loopback) over
/// a real PostgreSQL: signed links record what happened and nothing else; tampered or expired ones record nothing.
/// </summary>
public sealed class TrackingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_tracked_message_records_its_click_with_the_item_its_first_open_and_an_unsubscribe_once()
    {
        await using var site = await Site.StartAsync(new FakeClock(Now));
        var key = await site.PlannedMessageAsync("ann");
        var body = site.Links.Rewrite("<html><body><a href=\"https://shop.example/p/ITEM-9?utm=x&amp;a=1\">Alarm clock</a> <a href=\"https://shop.example/\">Shop</a></body></html>", key, ["ITEM-9"]);

        var links = Regex.Matches(body, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.All(links, l => Assert.StartsWith(site.BaseUrl + "t/c/", l, StringComparison.Ordinal));
        var click = await site.Http.GetAsync(links[0]);
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.Equal("https://shop.example/p/ITEM-9?utm=x&a=1", click.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await site.Http.GetAsync(links[1])).StatusCode);

        var pixel = Regex.Match(body, "<img src=\"([^\"]+)\"").Groups[1].Value;
        for (var i = 0; i < 2; i++)
        {
            var open = await site.Http.GetAsync(pixel);
            Assert.Equal("image/gif", open.Content.Headers.ContentType!.MediaType);
        }

        var unsubscribe = site.Links.UnsubscribeUrl(key)!;
        Assert.Contains("<form method=\"post\"", await site.Http.GetStringAsync(unsubscribe), StringComparison.Ordinal);
        Assert.Empty(await site.Suppressions.FindAsync(["ann"], "email", CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, (await site.Http.PostAsync(unsubscribe, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.PostAsync(unsubscribe, null)).StatusCode);

        Assert.Equal([("click", "ITEM-9"), ("click", ""), ("open", "")], await site.EventsAsync("ann"));
        Assert.Equal("unsubscribed", (await site.Suppressions.FindAsync(["ann"], "email", CancellationToken.None))["ann"]);

        // A purchase of the clicked item two days later is credited to this message, through the click, as recommended.
        var services = site.Services;
        await services.GetRequiredService<IImportWriter>().AddEventsAsync([new StoredEvent("order-1", new Interaction("ann", "ITEM-9", InteractionTypes.Purchase, Now.AddDays(2), 1, 19.99m))], CancellationToken.None);
        var attributions = services.GetRequiredService<IAttributionStore>();
        Assert.Equal(1, await attributions.AttributeAsync(Now, Now.AddDays(3), AttributionWindows.Default, CancellationToken.None));
        var conversion = Assert.Single(await attributions.ListAsync("promo", CancellationToken.None));
        Assert.Equal((key, "click", "ITEM-9", true, 19.99m), (conversion.DeliveryKey, conversion.Via, conversion.ItemId, conversion.Recommended, conversion.Revenue));
    }

    [Fact]
    public async Task Tampered_expired_or_misused_links_are_refused_and_record_nothing()
    {
        var clock = new FakeClock(Now);
        await using var site = await Site.StartAsync(clock);
        var key = await site.PlannedMessageAsync("bob");
        var body = site.Links.Rewrite("<a href=\"https://shop.example/a\">a</a>", key, []);
        var link = Regex.Match(body, "href=\"([^\"]+)\"").Groups[1].Value;
        var token = link[(link.LastIndexOf('/') + 1)..];
        var forged = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var pixel = Regex.Match(body, "<img src=\"([^\"]+)\"").Groups[1].Value;

        Assert.Equal(HttpStatusCode.BadRequest, (await site.Http.GetAsync(link.Replace(token, forged, StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await site.Http.GetAsync(link.Replace(token, "garbage", StringComparison.Ordinal))).StatusCode);
        // An open token is not an unsubscribe token, however valid it is.
        Assert.Equal(HttpStatusCode.BadRequest, (await site.Http.PostAsync(pixel.Replace("/t/o/", "/t/u/", StringComparison.Ordinal), null)).StatusCode);
        clock.Now = Now.AddDays(91);
        Assert.Equal(HttpStatusCode.Gone, (await site.Http.GetAsync(link)).StatusCode);

        Assert.Empty(await site.EventsAsync("bob"));
        Assert.Empty(await site.Suppressions.FindAsync(["bob"], "email", CancellationToken.None));
    }

    [Fact]
    public async Task An_html_campaign_is_planned_with_tracked_links_and_each_message_carries_its_unsubscribe_url()
    {
        var tracking = new TrackingOptions { BaseUrl = new Uri("https://t.shop.example/"), Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)] };
        await using var stack = await CampaignStack.CreateAsync(tracking: tracking);
        var sent = new System.Collections.Concurrent.ConcurrentBag<Campaigns.Stages.OutgoingMessage>();
        stack.AddChannel("capture", () => new Capture(sent));
        var definition = System.Text.Json.Nodes.JsonNode.Parse(SchedulingTests.Sample("tracked-html", timingAt: "10:00", channel: "capture"))!;
        definition["message"] = System.Text.Json.Nodes.JsonNode.Parse("""
            { "format": "html", "subject": "For you", "templateText": "<html><body><a href=\"https://shop.example/p/{{ items[0].id }}\">{{ items[0].title }}</a></body></html>" }
            """);
        var campaign = await stack.SaveAsync(definition.ToJsonString());

        var plan = await stack.PlanAsync(campaign, "o1", stack.Clock.Now, PlanMode.SendNow);
        await stack.Dispatcher("host", 100).DispatchAsync(new DispatchScope(campaign.Id), CancellationToken.None);

        Assert.Equal(plan.Planned, sent.Count);
        var tokens = new TrackingToken(tracking.Secret);
        Assert.All(sent, m =>
        {
            var href = Regex.Match(m.Body, "href=\"([^\"]+)\"").Groups[1].Value;
            Assert.StartsWith("https://t.shop.example/t/c/", href, StringComparison.Ordinal);
            var (link, _) = tokens.Verify(href[(href.LastIndexOf('/') + 1)..], Now);
            Assert.Equal((m.Key, $"https://shop.example/p/{m.ItemIds[0]}", m.ItemIds[0]), (link!.Key, link.Url, link.Item));
            Assert.Contains("https://t.shop.example/t/o/", m.Body, StringComparison.Ordinal);
            var unsubscribe = Assert.IsType<string>(m.UnsubscribeUrl);
            Assert.Equal(m.Key, tokens.Verify(unsubscribe[(unsubscribe.LastIndexOf('/') + 1)..], Now).Link!.Key);
        });
    }

    private sealed class Capture(System.Collections.Concurrent.ConcurrentBag<Campaigns.Stages.OutgoingMessage> sent) : Campaigns.Stages.IDeliveryChannel
    {
        public string Kind => "file";

        public Task<IReadOnlyList<Campaigns.Stages.DeliveryResult>> SendAsync(IReadOnlyList<Campaigns.Stages.OutgoingMessage> messages, CancellationToken cancellationToken)
        {
            foreach (var m in messages) sent.Add(m);
            return Task.FromResult<IReadOnlyList<Campaigns.Stages.DeliveryResult>>([.. messages.Select(m => new Campaigns.Stages.DeliveryResult(m.Key, Campaigns.Stages.DeliveryStatus.Sent))]);
        }
    }

    /// <summary>The product's services and the tracking endpoints on a free loopback port, over a fresh PostgreSQL database.</summary>
    private sealed class Site : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly PostgresDatabase _database;

        private Site(WebApplication app, PostgresDatabase database, string baseUrl)
        {
            _app = app;
            _database = database;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; }
        public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false });
        /// <summary>Builds links as the planner does, with the site's real address and the same secret.</summary>
        public LinkRewriter Links { get; private init; } = null!;
        public ISuppressionStore Suppressions => _app.Services.GetRequiredService<ISuppressionStore>();
        public IServiceProvider Services => _app.Services;

        public static async Task<Site> StartAsync(TimeProvider clock)
        {
            var database = await PostgresDatabase.CreateAsync();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            // The base URL is only known once Kestrel has its port: a placeholder, replaced below.
            var options = new TrackingOptions { BaseUrl = new Uri("http://127.0.0.1/"), Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)] };
            builder.Services.AddSingleton<TimeProvider>(clock).AddSingleton(options)
                .AddCampaignsCore(new CampaignsPaths(Path.GetTempPath(), Support.Repo.Templates))
                .AddCampaignsData(CampaignsDatabase.PostgreSql(database.ConnectionString))
                .AddScoped<TrackingServices>();
            var app = builder.Build();
            app.MapCampaignsTracking();
            await app.Services.MigrateCampaignsDatabaseAsync();
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
            return new Site(app, database, address) { Links = new LinkRewriter(options with { BaseUrl = new Uri(address) }, clock) };
        }

        public async Task<string> PlannedMessageAsync(string customer)
        {
            var key = LedgerEntry.KeyOf("promo", "once", customer, "main");
            await _app.Services.GetRequiredService<ILedgerStore>().InsertAsync(
                [new LedgerEntry(key, "promo", 1, "once", customer, "main", DeliveryState.Sent, null, Now, Now, $"{customer}@example.test", "Hi", "body", ["ITEM-9"]) { ChannelKind = "email" }],
                CancellationToken.None);
            return key;
        }

        public async Task<List<(string Type, string Item)>> EventsAsync(string customer)
        {
            await using var connection = new NpgsqlConnection(_database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT type, item_id FROM events WHERE customer_id = @c ORDER BY type, item_id DESC", connection);
            command.Parameters.AddWithValue("c", customer);
            var found = new List<(string, string)>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) found.Add((reader.GetString(0), reader.GetString(1)));
            return found;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
