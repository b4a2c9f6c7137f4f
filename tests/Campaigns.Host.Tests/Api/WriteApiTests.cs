using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Campaigns.Data;
using Campaigns.Host.Api.Records;
using Campaigns.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Api;

/// <summary>
/// The event and catalog API through real HTTP: duplicates stored once, every bad record named with its index and field
/// and nothing stored, API keys and scopes, customer merges, catalog changes published with what they were before.
/// Run on SQLite and on PostgreSQL by the subclasses.
/// </summary>
public abstract class WriteApiTests
{
    private protected abstract bool Postgres { get; }

    private const string Events = """
        [
          { "id": "o-1", "customerId": "ann", "type": "purchase", "itemId": "sku-1", "occurredAt": "2026-11-30T08:00:00Z", "quantity": 2, "value": 9.5 },
          { "customerId": "ann", "type": "search", "query": "red lamp", "occurredAt": "2026-11-30T08:01:00+01:00" },
          { "customerId": "bob", "type": "review", "itemId": "sku-1", "text": "Lovely", "rating": 5, "occurredAt": "2026-11-29T10:00:00Z" }
        ]
        """;

    [Fact]
    public async Task A_batch_sent_twice_is_stored_once_and_observers_hear_of_the_new_events_only()
    {
        await using var site = await ApiSite.StartAsync(Postgres);

        var first = await site.PostAsync("api/v1/events", Events);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(new Counts(3, 3, 0), await first.Content.ReadFromJsonAsync<Counts>());
        // Same events, without ids too, wrapped this time: nothing new.
        var again = await site.PostAsync("api/v1/events", "{ \"records\": " + Events + " }");
        Assert.Equal(new Counts(3, 0, 3), await again.Content.ReadFromJsonAsync<Counts>());

        Assert.Equal(3, await site.CountAsync("events"));
        var batch = Assert.Single(site.Observer.Batches);
        // The search had no id: it is stored under the id derived from its content, with its query as a property.
        var search = Assert.Single(batch.Events, e => e.Type == InteractionTypes.Search);
        Assert.Equal("""{"query":"red lamp"}""", await site.PropertiesAsync(EventRecords.DerivedId(search, """{"query":"red lamp"}""")));
        Assert.Equal(["purchase", "search", "review"], batch.Events.Select(e => e.Type));
        Assert.Equal(("ann", "sku-1", 2.0, 9.5m), (batch.Events[0].CustomerId, batch.Events[0].ItemId, batch.Events[0].Quantity, batch.Events[0].Value));
    }

    [Fact]
    public async Task Every_bad_record_is_named_by_index_and_field_and_nothing_of_the_batch_is_stored()
    {
        await using var site = await ApiSite.StartAsync(Postgres);
        var response = await site.PostAsync("api/v1/events", """
            [
              { "customerId": "ann", "type": "view", "itemId": "sku-1", "occurredAt": "2026-11-30T08:00:00Z" },
              { "customerId": "ann", "type": "view", "itemId": "sku-1", "occurredAt": "2026-11-30T08:00:00Z", "quantity": "two" },
              { "customerId": "ann", "type": "teleport", "itemId": "sku-1", "occurredAt": "2026-11-30T08:00:00Z" },
              { "customerId": "ann", "type": "view", "itemId": "sku-1", "occurredAt": "2026-12-02T09:00:00Z" },
              { "type": "view", "itemId": "sku-1", "occurredAt": "2026-11-30T08:00:00Z" },
              { "customerId": "ann", "type": "view", "occurredAt": "2026-11-30T08:00:00" },
              { "customerId": "ann", "type": "rating", "itemId": "sku-1", "rating": 7, "occurredAt": "2026-11-30T08:00:00Z", "colour": "red" },
              "not an object"
            ]
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            [(1, "quantity"), (2, "type"), (3, "occurredAt"), (4, "customerId"), (5, "itemId"), (5, "occurredAt"), (6, "colour"), (6, "rating"), (7, "")],
            await ErrorsAsync(response));
        Assert.Equal(0, await site.CountAsync("events"));
        Assert.Empty(site.Observer.Batches);
    }

    [Fact]
    public async Task Oversized_deep_malformed_or_mistyped_bodies_are_refused_and_store_nothing()
    {
        await using var site = await ApiSite.StartAsync(Postgres);
        var one = """{ "customerId": "ann", "type": "view", "itemId": "sku-1", "occurredAt": "2026-11-30T08:00:00Z" }""";

        var huge = await site.PostAsync("api/v1/events", "[" + string.Join(',', Enumerable.Repeat(one, 300)) + "]");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        var many = await site.PostAsync("api/v1/events", "[" + string.Join(',', Enumerable.Repeat(one, 51)) + "]");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, many.StatusCode);
        Assert.Contains("the limit is 50", await many.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var deep = await site.PostAsync("api/v1/customers", """[ { "id": "a" }, { "id": "b", "attributes": { "x": { "y": { "z": { "w": { "v": 1 } } } } } } ]""");
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        Assert.Equal([(1, "attributes.x.y.z.w")], await ErrorsAsync(deep));

        var broken = await site.PostAsync("api/v1/events", "[" + one + ", { \"customerId\": \"ann\", \"type\": } ]");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal([(1, "type")], await ErrorsAsync(broken));

        var latin1 = Encoding.UTF8.GetBytes("[" + one.Replace("ann", "Ren\u00e9e", StringComparison.Ordinal) + "]");
        var at = Array.IndexOf(latin1, (byte)0xC3);
        var invalid = latin1[..at].Concat(new byte[] { 0xE9 }).Concat(latin1[(at + 2)..]).ToArray();
        var notUtf8 = await site.PostAsync("api/v1/events", invalid);
        Assert.Equal(HttpStatusCode.BadRequest, notUtf8.StatusCode);
        Assert.Contains("UTF-8", await notUtf8.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var form = await site.PostAsync("api/v1/events", "[" + one + "]", contentType: "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);

        Assert.Equal(0, await site.CountAsync("events"));
        Assert.Equal(0, await site.CountAsync("customers"));
    }

    [Fact]
    public async Task Writers_need_a_live_key_with_the_endpoints_scope()
    {
        await using var site = await ApiSite.StartAsync(Postgres);
        var events = await site.KeyAsync("events-only", ApiScopes.EventsWrite);
        const string customer = """[ { "id": "ann", "timeZone": "Europe/London" } ]""";

        Assert.Equal(HttpStatusCode.Unauthorized, (await site.PostAsync("api/v1/customers", customer, key: "")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.PostAsync("api/v1/customers", customer, key: "cmp_not-a-key")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.PostAsync("api/v1/customers", customer, key: events)).StatusCode);
        Assert.Equal(0, await site.CountAsync("customers"));

        using var viaHeader = new HttpRequestMessage(HttpMethod.Post, "api/v1/customers") { Content = new StringContent(customer, Encoding.UTF8, "application/json") };
        viaHeader.Headers.Add("X-Api-Key", site.WriterKey);
        Assert.Equal(HttpStatusCode.OK, (await site.Http.SendAsync(viaHeader)).StatusCode);

        Assert.True(await site.Services.GetRequiredService<IApiKeyStore>().RevokeAsync("writer", CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.PostAsync("api/v1/customers", customer)).StatusCode);
    }

    [Fact]
    public async Task A_customer_upsert_keeps_what_was_not_sent_and_merges_consent_and_attributes()
    {
        await using var site = await ApiSite.StartAsync(Postgres);
        var created = await site.PostAsync("api/v1/customers", """
            [ { "id": "ann", "email": "ann@example.test", "timeZone": "Europe/London", "locale": "en-GB",
                "consent": { "email": true, "email/marketing": false }, "attributes": { "tier": "gold", "city": "Leeds" } } ]
            """);
        Assert.Equal(new Counts(1, 1, 0), await created.Content.ReadFromJsonAsync<Counts>());
        var updated = await site.PostAsync("api/v1/customers", """
            [ { "id": "ann", "consent": { "email/marketing": true, "sms": true }, "attributes": { "city": null, "orders": 3, "vip": true } } ]
            """);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var ann = Assert.Single(await site.Services.GetRequiredService<ICustomerReader>().GetManyAsync(["ann"], CancellationToken.None));
        Assert.Equal(("ann@example.test", "Europe/London", "en-GB"), (ann.Email, ann.TimeZone, ann.Locale));
        Assert.Equal(new Dictionary<string, bool> { ["email"] = true, ["email/marketing"] = true, ["sms"] = true }, ann.Consent);
        Assert.Equal(new Dictionary<string, string> { ["tier"] = "gold", ["orders"] = "3", ["vip"] = "true" }, ann.Attributes);
        Assert.Equal(ann.Attributes, site.Observer.Batches.Last().Customers.Single().Attributes);

        var bad = await site.PostAsync("api/v1/customers", """
            [ { "id": "bob", "timeZone": "Mars/Olympus" }, { "id": "cy", "timeZone": "Pacific Standard Time", "consent": { "Email": true, "sms": "yes" } } ]
            """);
        Assert.Equal([(0, "timeZone"), (1, "timeZone"), (1, "consent.Email"), (1, "consent.sms")], await ErrorsAsync(bad));
        Assert.Equal(1, await site.CountAsync("customers"));
    }

    [Fact]
    public async Task A_catalog_change_is_published_with_the_price_and_stock_it_had_before()
    {
        await using var site = await ApiSite.StartAsync(Postgres);
        Assert.Equal(HttpStatusCode.OK, (await site.PostAsync("api/v1/catalog/items", """
            [ { "id": "sku-1", "title": "Red lamp", "price": 10, "stock": 0, "tags": ["new"] } ]
            """)).StatusCode);
        var first = site.Observer.Batches.Single().Catalog.Single();
        Assert.Equal((null, null), (first.PreviousPrice, first.PreviousStock));

        Assert.Equal(HttpStatusCode.OK, (await site.PostAsync("api/v1/catalog/items", """[ { "id": "sku-1", "price": 8.5, "stock": 5 } ]""")).StatusCode);
        var change = site.Observer.Batches.Last().Catalog.Single();
        Assert.Equal((10m, 0, 8.5m, 5, "Red lamp"), (change.PreviousPrice, change.PreviousStock, change.Item.Price, change.Item.Stock, change.Item.Title));
        Assert.True(change.BackInStock);
        Assert.True(change.PriceDropped);
        Assert.Equal(["new"], change.Item.Tags);

        // A new item without a title refuses the whole batch, the known item's change too.
        var bad = await site.PostAsync("api/v1/catalog/items", """[ { "id": "sku-1", "stock": 0 }, { "id": "sku-2", "price": 3 }, { "id": "sku-3", "title": "Mug", "price": -1 } ]""");
        Assert.Equal([(2, "price")], await ErrorsAsync(bad));
        var missingTitle = await site.PostAsync("api/v1/catalog/items", """[ { "id": "sku-1", "stock": 0 }, { "id": "sku-2", "price": 3 } ]""");
        Assert.Equal([(1, "title")], await ErrorsAsync(missingTitle));
        var item = Assert.Single(await site.Services.GetRequiredService<ICatalogReader>().GetManyAsync(["sku-1", "sku-2"], CancellationToken.None));
        Assert.Equal(5, item.Stock);
        Assert.Equal(2, site.Observer.Batches.Count);
    }

    private static async Task<List<(int?, string)>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. problem.RootElement.GetProperty("errors").EnumerateArray().Select(e =>
            (e.GetProperty("index").ValueKind == JsonValueKind.Null ? (int?)null : e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString()!))];
    }

    private sealed record Counts(int Received, int Stored, int Duplicates);
}

/// <summary>The write API on SQLite.</summary>
public sealed class WriteApiSqliteTests : WriteApiTests
{
    private protected override bool Postgres => false;
}

/// <summary>The write API on PostgreSQL.</summary>
public sealed class WriteApiPostgresTests : WriteApiTests
{
    private protected override bool Postgres => true;
}
