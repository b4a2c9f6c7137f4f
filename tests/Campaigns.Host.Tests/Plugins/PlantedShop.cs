using System.Globalization;
using System.Text;
using Campaigns.Data;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>Synthetic purchase histories with groups planted on purpose, so a test knows the right answer.</summary>
internal static class PlantedShop
{
    /// <summary>The clock of the planted histories.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Three groups of <paramref name="perGroup"/>: <c>fh*</c> frequent high spenders (12 to 20 orders over the last
    /// year, the last a few days ago, 60 to 120 per order), <c>lo*</c> lapsed one-timers (one cheap order 250 to 350
    /// days ago) and <c>no*</c> new one-timers (one cheap order a few days ago).
    /// </summary>
    public static List<Interaction> ThreeGroups(int perGroup = 40, int seed = 7)
    {
        var random = new Random(seed);
        var events = new List<Interaction>();
        for (var i = 0; i < perGroup; i++)
        {
            var orders = random.Next(12, 21);
            var last = Now.AddDays(-random.Next(2, 7)).AddHours(-random.Next(0, 12));
            for (var o = 0; o < orders; o++)
                events.Add(Order($"fh{i:D3}", last.AddDays(-o * 365.0 / orders), 60 + random.Next(0, 61)));
            events.Add(Order($"lo{i:D3}", Now.AddDays(-random.Next(250, 351)), 5 + random.Next(0, 16)));
            events.Add(Order($"no{i:D3}", Now.AddDays(-random.Next(2, 7)).AddHours(-random.Next(0, 12)), 5 + random.Next(0, 16)));
        }
        return events;
    }

    /// <summary>
    /// <paramref name="customers"/> customers over 400 days: <c>loyal*</c> buy on any day with probability 8%,
    /// <c>rare*</c> with 0.4%. Even indexes are loyal, odd ones rare.
    /// </summary>
    public static List<Interaction> Habits(int customers = 600, int seed = 11)
    {
        var random = new Random(seed);
        var events = new List<Interaction>();
        for (var c = 0; c < customers; c++)
        {
            var loyal = c % 2 == 0;
            var id = (loyal ? "loyal" : "rare") + c.ToString("D4", CultureInfo.InvariantCulture);
            for (var day = 400; day >= 1; day--)
            {
                if (random.NextDouble() < (loyal ? 0.08 : 0.004)) events.Add(Order(id, Now.AddDays(-day).AddHours(random.Next(0, 20)), 10 + random.Next(0, 41)));
            }
        }
        return events;
    }

    /// <summary>The events in the generic import format (<c>user_id,item_id,timestamp,event_type,quantity,value</c>).</summary>
    public static string Csv(IEnumerable<Interaction> events)
    {
        var csv = new StringBuilder("user_id,item_id,timestamp,event_type,quantity,value\n");
        foreach (var e in events)
            csv.Append(CultureInfo.InvariantCulture, $"{e.CustomerId},{e.ItemId},{e.OccurredAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{e.Type},{e.Quantity},{e.Value}\n");
        return csv.ToString();
    }

    /// <summary>In-memory readers over the events, with every customer they name.</summary>
    public static InMemoryData Data(IEnumerable<Interaction> events)
    {
        var data = new InMemoryData();
        data.Events.AddRange(events);
        data.CustomerList.AddRange(data.Events.Select(e => e.CustomerId).Distinct().Select(id => new Customer(id)));
        return data;
    }

    private static Interaction Order(string customer, DateTimeOffset at, int value) =>
        new(customer, "sku-1", InteractionTypes.Purchase, at, 1, value);
}
