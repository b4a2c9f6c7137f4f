using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Campaigns.Host.Tests.Api;

/// <summary>
/// What the fast event path must keep: ids repeated within a batch or already stored are counted as duplicates and
/// published once, ids derived from content are the ones earlier versions derived (so a resent batch dedupes across an
/// upgrade), and every bad record of a full batch is reported, not only the first. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class EventBatchTests
{
    private protected abstract bool Postgres { get; }

    private static string View(string? id, string customer, string at = "2026-11-30T08:00:00Z") =>
        $$"""{ {{(id is null ? "" : $"\"id\": \"{id}\", ")}}"customerId": "{{customer}}", "type": "view", "itemId": "sku-1", "occurredAt": "{{at}}" }""";

    [Fact]
    public async Task Ids_repeated_in_a_batch_or_already_stored_are_duplicates_and_only_new_events_are_stored_and_published()
    {
        await using var site = await ApiSite.StartAsync(Postgres);
        var first = await site.PostAsync("api/v1/events", $"[{View("e-1", "ann")}, {View("e-2", "bob")}]");
        Assert.Equal(new Counts(2, 2, 0), await first.Content.ReadFromJsonAsync<Counts>());

        // e-1 is known, e-3 is new and sent twice (the first wins), and the id-less view is new once, repeated once.
        var mixed = await site.PostAsync("api/v1/events",
            $"[{View("e-1", "ann")}, {View("e-3", "cy")}, {View("e-3", "dan")}, {View(null, "eve")}, {View(null, "eve")}]");

        Assert.Equal(HttpStatusCode.OK, mixed.StatusCode);
        Assert.Equal(new Counts(5, 2, 3), await mixed.Content.ReadFromJsonAsync<Counts>());
        Assert.Equal(4, await site.CountAsync("events"));
        Assert.Equal(["cy", "eve"], site.Observer.Batches.Last().Events.Select(e => e.CustomerId));
        Assert.Equal(2, site.Observer.Batches.Count);
    }

    [Fact]
    public async Task An_event_sent_without_an_id_is_stored_under_the_id_earlier_versions_derived()
    {
        await using var site = await ApiSite.StartAsync(Postgres);
        var response = await site.PostAsync("api/v1/events", """
            [ { "customerId": "ann", "type": "search", "query": "red lamp", "occurredAt": "2026-11-30T08:01:00+01:00" },
              { "customerId": "Ren\u00e9e", "type": "purchase", "itemId": "sku-1", "occurredAt": "2026-11-30T08:00:00Z", "quantity": 2, "value": 9.5 } ]
            """);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // SHA-256 of the fields joined by U+001F, computed outside .NET: an upgrade must not change a single id.
        Assert.Equal("""{"query":"red lamp"}""", await site.PropertiesAsync("sha256:636dfa3ad6c8b84b474e58e27d871165"));
        Assert.True(await site.HasEventAsync("sha256:225ee381c76f38585fb01b14c00f99c2"));
    }

    [Fact]
    public async Task Bad_records_at_the_start_the_middle_and_the_end_of_a_full_batch_are_all_reported_and_nothing_is_stored()
    {
        await using var site = await ApiSite.StartAsync(Postgres);
        var records = Enumerable.Range(0, 50).Select(i => View($"e-{i}", "ann")).ToArray();
        records[0] = """{ "customerId": "ann", "type": "view", "itemId": "", "occurredAt": "2026-11-30T08:00:00Z" }""";
        records[25] = """{ "customerId": 7, "type": "view", "itemId": "sku-1", "occurredAt": "yesterday", "value": -1 }""";
        records[49] = """{ "id": "e-49", "customerId": "ann", "type": "search", "occurredAt": "2026-11-30T08:00:00Z", "text": "hi" }""";

        var response = await site.PostAsync("api/v1/events", "[" + string.Join(",\n", records) + "]");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            [(0, "itemId"), (25, "customerId"), (25, "occurredAt"), (25, "value"), (49, "text"), (49, "query")],
            problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString())));
        Assert.Contains("3 record(s) have errors", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await site.CountAsync("events"));
        Assert.Empty(site.Observer.Batches);
    }

    [Fact]
    public async Task A_field_sent_twice_counts_with_its_last_value_and_a_misspelt_field_is_named()
    {
        await using var site = await ApiSite.StartAsync(Postgres);
        var misspelt = await site.PostAsync("api/v1/events",
            """[ { "customerId": "ann", "type": "view", "itemId": "sku-1", "itemID": "sku-2", "occurredAt": "2026-11-30T08:00:00Z" } ]""");
        Assert.Equal(HttpStatusCode.BadRequest, misspelt.StatusCode);
        using (var problem = JsonDocument.Parse(await misspelt.Content.ReadAsStringAsync()))
            Assert.Equal([(0, "itemID")], problem.RootElement.GetProperty("errors").EnumerateArray()
                .Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString())));

        // The validator reads each field once by its slot; a repeated name keeps the meaning it had: the last one counts.
        var repeated = await site.PostAsync("api/v1/events",
            """[ { "id": "e-1", "customerId": "ann", "type": "view", "itemId": "sku-1", "occurredAt": "2026-11-30T08:00:00Z", "customerId": "bob" } ]""");
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(["bob"], site.Observer.Batches.Single().Events.Select(e => e.CustomerId));
    }

    private sealed record Counts(int Received, int Stored, int Duplicates);
}

/// <summary>The event path on SQLite.</summary>
public sealed class EventBatchSqliteTests : EventBatchTests
{
    private protected override bool Postgres => false;
}

/// <summary>The event path on PostgreSQL.</summary>
public sealed class EventBatchPostgresTests : EventBatchTests
{
    private protected override bool Postgres => true;
}
