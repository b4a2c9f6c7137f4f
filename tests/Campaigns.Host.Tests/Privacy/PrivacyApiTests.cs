using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Campaigns.Data;
using Campaigns.Host.Privacy;
using Campaigns.Host.Tests.Delivery;
using Campaigns.Host.Tests.Support;
using Campaigns.Import;
using Campaigns.Planning;
using Campaigns.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaigns.Host.Tests.Privacy;

/// <summary>
/// The privacy endpoints through real HTTP (Kestrel on loopback, the host's <c>/api/v1</c> group with its API keys) over
/// the same PostgreSQL a planner uses: keys and scopes enforced, complaints listed, bad records refused whole, a
/// customer erased, and the same id, imported again, refused by the next campaign with <c>suppressed:erased</c>.
/// </summary>
public sealed class PrivacyApiTests
{
    [Fact]
    public async Task A_customer_erased_through_the_api_is_refused_by_every_later_campaign_even_when_imported_again()
    {
        await using var stack = await CampaignStack.CreateAsync();
        await using var api = await Api.StartAsync(stack);
        var first = await stack.SaveAsync(SchedulingTests.Sample("before", timingAt: "10:00"));
        await stack.PlanAsync(first, "o1", stack.Clock.Now, PlanMode.SendNow);
        var planned = (await stack.Ledger.ListAsync(first.Id, "o1", 10_000, CancellationToken.None)).Where(r => r.State == DeliveryState.Planned)
            .Select(r => r.CustomerId).Order(StringComparer.Ordinal).ToList();
        var (gone, kept) = (planned[0], planned[1]);
        api.Http.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Http.DeleteAsync($"customers/{gone}")).StatusCode);
        api.Http.DefaultRequestHeaders.Authorization = new("Bearer", api.WriterOnlyKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Http.DeleteAsync($"customers/{gone}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Http.GetAsync($"suppressions?customerId={kept}")).StatusCode);
        api.Http.DefaultRequestHeaders.Authorization = new("Bearer", api.PrivacyKey);

        var refused = await api.Http.PostAsJsonAsync("suppressions", new object[]
        {
            new { customerId = kept, channelKind = "file", reason = "complained" },
            new { customerId = kept, channelKind = "file", reason = "annoyed" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![0]!;
        Assert.Equal((1, "reason"), ((int)error["index"]!, (string)error["field"]!));
        Assert.Empty((await api.Http.GetFromJsonAsync<JsonArray>($"suppressions?customerId={kept}"))!);
        Assert.Equal(HttpStatusCode.OK, (await api.Http.PostAsJsonAsync("suppressions", new[] { new { customerId = gone, channelKind = "*", reason = "complained" } })).StatusCode);

        var erased = await api.Http.DeleteAsync($"customers/{gone}");
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var report = (await erased.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Erased", (string)report["outcome"]!);
        Assert.Equal(1, report["steps"]!.AsArray().Where(s => (string)s!["table"]! == "customers").Sum(s => (int)s!["rows"]!));
        Assert.Equal("AlreadyErased", (string)(await api.Http.DeleteFromJsonAsync<JsonObject>($"customers/{gone}"))!["outcome"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.DeleteAsync("customers/no-such-customer")).StatusCode);
        Assert.Null(await stack.Ledger.FindAsync(LedgerEntry.KeyOf(first.Id, "o1", gone, "main"), CancellationToken.None));

        // The shop sends its whole file again, the erased customer in it.
        await new InteractionImporter(stack.Services.GetRequiredService<IImportWriter>(), stack.Time).ImportAsync(Repo.SampleData);
        Assert.Single(await stack.Services.GetRequiredService<ICustomerReader>().GetManyAsync([gone], CancellationToken.None));
        var next = await stack.SaveAsync(SchedulingTests.Sample("after", timingAt: "10:00"));
        await stack.PlanAsync(next, "o1", stack.Clock.Now, PlanMode.SendNow);

        var rows = (await stack.Ledger.ListAsync(next.Id, "o1", 10_000, CancellationToken.None)).ToDictionary(r => r.CustomerId);
        Assert.Equal((DeliveryState.Suppressed, "suppressed:erased"), (rows[gone].State, rows[gone].Reason));
        Assert.Equal(DeliveryState.Planned, rows[kept].State);
    }

    /// <summary>The privacy endpoints on a free loopback port, over the stack's database and clock.</summary>
    private sealed class Api : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Api(WebApplication app, HttpClient http, string privacyKey, string writerOnlyKey) =>
            (_app, Http, PrivacyKey, WriterOnlyKey) = (app, http, privacyKey, writerOnlyKey);

        public HttpClient Http { get; }

        public string PrivacyKey { get; }

        public string WriterOnlyKey { get; }

        public static async Task<Api> StartAsync(CampaignStack stack)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddSingleton(stack.Time)
                .AddCampaignsCore(new CampaignsPaths(Path.GetTempPath(), Repo.Templates))
                .AddCampaignsData(CampaignsDatabase.PostgreSql(stack.Database.ConnectionString));
            var app = builder.Build();
            app.MapGroup("/api/v1").MapCampaignsPrivacy();
            await app.StartAsync();
            var keys = app.Services.GetRequiredService<IApiKeyStore>();
            var privacy = (await keys.CreateAsync("privacy", [ApiScopes.CustomersErase, ApiScopes.SuppressionsManage], CancellationToken.None))!;
            var writer = (await keys.CreateAsync("writer", [ApiScopes.EventsWrite], CancellationToken.None))!;
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var http = new HttpClient { BaseAddress = new Uri(address + "/api/v1/") };
            http.DefaultRequestHeaders.Authorization = new("Bearer", privacy);
            return new Api(app, http, privacy, writer);
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
