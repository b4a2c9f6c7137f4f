using Campaigns.Storage;

namespace Campaigns.Data.Tests;

/// <summary>Builders for test rows. Tests of one class share a database, so every test makes its own ids.</summary>
internal static class TestData
{
    /// <summary>A fixed "now" far from every other time the tests use.</summary>
    public static readonly DateTimeOffset T0 = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A short id unique to one test: <c>prefix-xxxxxxxx</c>.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public static Customer Customer(string id) => new(id)
    {
        Email = id + "@example.com",
        Phone = "+441234567890",
        TimeZone = "Europe/London",
        Locale = "en-GB",
        Consent = new Dictionary<string, bool> { ["email"] = true, ["sms"] = false },
        Attributes = new Dictionary<string, string> { ["name"] = "Name " + id, ["tier"] = "gold" },
    };

    public static CatalogItem Item(string id, decimal price = 12.5m) => new(id, "Title " + id)
    {
        Description = "About " + id,
        Category = "mugs",
        Price = price,
        Stock = 7,
        Tags = ["new", "promo"],
        ImageUrl = "https://shop.example/" + id + ".jpg",
    };

    public static StoredEvent Event(string eventId, string customer, string item, DateTimeOffset at, string type = InteractionTypes.Purchase, double quantity = 1) =>
        new(eventId, new Interaction(customer, item, type, at, quantity, 2.5m));

    public static LedgerEntry Entry(string campaign, string customer, DateTimeOffset sendAt, DeliveryState state = DeliveryState.Planned, string occurrence = "o1") =>
        new(LedgerEntry.KeyOf(campaign, occurrence, customer, "main"), campaign, 1, occurrence, customer, "main", state,
            state == DeliveryState.Suppressed ? "no consent" : null, sendAt, sendAt, customer + "@example.com", "Hello " + customer,
            "Body for " + customer, ["i1", "i2"]);

    /// <summary>Planned entries for <paramref name="count"/> customers of one campaign, all due at <paramref name="sendAt"/>.</summary>
    public static LedgerEntry[] Entries(string campaign, int count, DateTimeOffset sendAt) =>
        [.. Enumerable.Range(0, count).Select(i => Entry(campaign, $"c{i:D6}", sendAt))];
}
