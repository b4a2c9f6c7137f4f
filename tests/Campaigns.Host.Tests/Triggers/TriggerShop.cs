using Campaigns.Data;
using Campaigns.Storage;

namespace Campaigns.Host.Tests.Triggers;

/// <summary>
/// A small shop for trigger tests: customers who consented to the outbox channel (kind <c>file</c>) in London and Tokyo,
/// one who did not, items in and out of stock, and a month of purchases of the accessories so the most-popular
/// recommender has something to recommend beside the trigger item.
/// </summary>
internal static class TriggerShop
{
    public static readonly string[] Consenting = ["alice", "bob", "carol", "dave", "erin"];

    public static async Task WriteAsync(IImportWriter writer, DateTimeOffset now)
    {
        var customers = Consenting.Select(id => new Customer(id)
        {
            Email = id + "@example.com",
            TimeZone = id == "erin" ? "Asia/Tokyo" : "Europe/London",
            Consent = new Dictionary<string, bool> { ["file"] = true, ["email"] = true },
        }).Append(new Customer("nadia") { Email = "nadia@example.com", TimeZone = "Europe/London", Consent = new Dictionary<string, bool> { ["file"] = false } });
        await writer.UpsertCustomersAsync([.. customers], CancellationToken.None);
        await writer.UpsertItemsAsync(
        [
            new CatalogItem("mug", "Enamel mug") { Price = 12m, Stock = 40 },
            new CatalogItem("teapot", "Cast-iron teapot") { Price = 45m, Stock = 0 },
            new CatalogItem("kettle", "Copper kettle") { Price = 50m, Stock = 8 },
            new CatalogItem("coffee", "House blend coffee, 1 kg") { Price = 18m, Stock = 100 },
            new CatalogItem("spoon", "Tea spoon set") { Price = 6m, Stock = 100 },
            new CatalogItem("tray", "Oak serving tray") { Price = 30m, Stock = 100 },
        ], CancellationToken.None);
        // Other shoppers' purchases of the accessories in the last month: the popular items the messages recommend.
        var history = Enumerable.Range(0, 12).Select(i => new StoredEvent($"history-{i}",
            new Interaction($"shopper{i}", i % 3 == 0 ? "tray" : "spoon", InteractionTypes.Purchase, now.AddDays(-1 - i))));
        await writer.AddCustomersAsync([.. Enumerable.Range(0, 12).Select(i => new Customer($"shopper{i}"))], CancellationToken.None);
        await writer.AddEventsAsync([.. history], CancellationToken.None);
    }

    /// <summary>A trigger campaign on the outbox channel; <paramref name="trigger"/> is the trigger block's JSON.</summary>
    public static string Campaign(string id, string trigger, string? delivery = null) => $$$"""
    {
      "id": "{{{id}}}",
      "name": "Trigger {{{id}}}",
      "audience": { "key": "active-customers", "options": { "days": 90 } },
      "recommender": { "key": "most-popular", "count": 2, "options": { "windowDays": 30 } },
      "message": { "templateText": "{{ for item in items }}{{ item.title }}; {{ end }}", "subject": "About {{ items[0].title }}" },
      "timing": { "key": "fixed-local-time", "options": { "at": "10:00" } },
      "channel": { "key": "outbox", "options": { "path": "outbox.jsonl" } },
      "schedule": { "type": "trigger" },
      "trigger": {{{trigger}}}{{{(delivery is null ? "" : ",\n  \"delivery\": " + delivery)}}}
    }
    """;
}
