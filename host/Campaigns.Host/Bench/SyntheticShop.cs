using System.Globalization;
using Campaigns.Data;
using Campaigns.Storage;

namespace Campaigns.Host.Bench;

/// <summary>
/// Generates a synthetic shop for benchmarks: items with Zipf-like popularity, customers spread over several time
/// zones, and one recent purchase per customer so every customer is in a 90-day audience. Deterministic (seeded).
/// </summary>
internal sealed class SyntheticShop(int customers, int items, DateTimeOffset now, int seed = 42)
{
    private static readonly string[] Zones = ["Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney", "Europe/Paris", "UTC"];

    public async Task WriteAsync(IImportWriter writer, Action<string> progress, CancellationToken ct)
    {
        const int batch = 50_000;
        var random = new Random(seed);
        for (var start = 0; start < items; start += batch)
        {
            var list = Enumerable.Range(start, Math.Min(batch, items - start)).Select(i => new CatalogItem(ItemId(i), $"Synthetic item {i}")
            {
                Price = Math.Round(1m + i % 200 * 0.5m, 2),
                Stock = 100,
                Category = "category-" + (i % 50).ToString(CultureInfo.InvariantCulture),
                ImageUrl = $"https://shop.example/img/{i}.jpg",
            }).ToList();
            await writer.AddItemsAsync(list, ct);
        }
        for (var start = 0; start < customers; start += batch)
        {
            var count = Math.Min(batch, customers - start);
            var people = new List<Customer>(count);
            var events = new List<StoredEvent>(count);
            for (var i = start; i < start + count; i++)
            {
                var id = "c" + i.ToString(CultureInfo.InvariantCulture);
                people.Add(new Customer(id)
                {
                    TimeZone = Zones[i % Zones.Length],
                    Consent = new Dictionary<string, bool> { ["file"] = true, ["email"] = true },
                    Email = id + "@example.com",
                    Attributes = new Dictionary<string, string> { ["first_name"] = "Customer " + i.ToString(CultureInfo.InvariantCulture) },
                });
                // Zipf-like: item index ~ items^u skews purchases toward low indexes.
                var item = (int)Math.Min(items - 1, Math.Pow(items, random.NextDouble()) - 1);
                events.Add(new StoredEvent($"bench:{i}", new Interaction(id, ItemId(item), InteractionTypes.Purchase, now.AddMinutes(-random.Next(1, 20 * 24 * 60)))));
            }
            await writer.AddCustomersAsync(people, ct);
            await writer.AddEventsAsync(events, ct);
            progress($"generated {start + count:N0} / {customers:N0} customers");
        }
    }

    private static string ItemId(int i) => "sku-" + i.ToString(CultureInfo.InvariantCulture);
}
