using System.Text;
using System.Text.Json;

namespace Campaigns.Host.Bench;

/// <summary>
/// The load generator's payloads: synthetic behaviour events (mostly views, some carts, purchases and searches, half of
/// them without an id so the server derives one) as ready-to-send JSON batches, built before the clock starts.
/// </summary>
internal static class EventBatches
{
    public static byte[][] Build(string prefix, int events, int batchSize, DateTimeOffset now, int seed = 42)
    {
        var random = new Random(seed);
        var batches = new byte[(events + batchSize - 1) / batchSize][];
        for (var b = 0; b < batches.Length; b++)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                for (var i = b * batchSize; i < Math.Min(events, (b + 1) * batchSize); i++)
                {
                    json.WriteStartObject();
                    if (i % 2 == 0) json.WriteString("id", $"{prefix}-{i}");
                    json.WriteString("customerId", "c" + random.Next(100_000));
                    var roll = random.Next(100);
                    var type = roll < 70 ? "view" : roll < 85 ? "cart_add" : roll < 93 ? "search" : "purchase";
                    json.WriteString("type", type);
                    if (type == "search") json.WriteString("query", "query " + random.Next(1000));
                    else json.WriteString("itemId", "sku-" + random.Next(10_000));
                    // Unique per event (one per millisecond back from now), so derived ids never collide by accident.
                    json.WriteString("occurredAt", now.AddMilliseconds(-i - 1).ToString("O"));
                    if (type == "purchase")
                    {
                        json.WriteNumber("quantity", 1 + random.Next(3));
                        json.WriteNumber("value", Math.Round((decimal)random.NextDouble() * 50, 2));
                    }
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            batches[b] = buffer.ToArray();
        }
        return batches;
    }

    /// <summary>Bytes per event, for the report.</summary>
    public static double BytesPerEvent(byte[][] batches, int events) => batches.Sum(b => (double)b.Length) / events;

    public static string Describe(byte[] batch) => Encoding.UTF8.GetString(batch.AsSpan(0, Math.Min(200, batch.Length)));
}
