using System.Diagnostics;
using Campaigns.Data;
using Campaigns.Message;
using Campaigns.Stages;
using Scriban;

namespace Campaigns.Host.Bench;

/// <summary>
/// Renders the same messages two ways on one thread, after warm-up, in alternating rounds (median round of each): the naive way (<c>Template.Render</c> of an anonymous object
/// per message, template parsed once) and ours (compiled <see cref="MessageTemplate"/>, reused sandboxed context,
/// prebuilt read-only item objects).
/// </summary>
internal static class RenderBenchmark
{
    public static (double NaivePerSecond, double OursPerSecond) Run(string templateText, TimeSpan budget)
    {
        var items = Enumerable.Range(0, 3).Select(i => new RecommendedItem(
            new CatalogItem($"sku-{i}", $"Synthetic item {i}") { Price = 2.5m + i, ImageUrl = $"https://shop.example/img/{i}.jpg" },
            new Recommendation($"sku-{i}", 10 - i, "popular:30d"))).ToList();
        var customers = Enumerable.Range(0, 1000).Select(i => new Customer("c" + i) { Attributes = new Dictionary<string, string> { ["first_name"] = "Customer " + i } }).ToList();
        var run = new CampaignRunInfo("bench", 1, "once");

        var naive = Template.Parse(templateText);
        string Naive(int i)
        {
            var c = customers[i % customers.Count];
            return naive.Render(new
            {
                customer = new { id = c.Id, first_name = c.Attributes["first_name"], email = c.Email },
                items = items.Select((r, n) => new { id = r.Item.Id, rank = n + 1, title = r.Item.Title, price = r.Item.Price, price_text = r.Item.Price.ToString("0.00"), image_url = r.Item.ImageUrl }).ToList(),
                campaign = new { id = run.CampaignId, name = "Bench", version = 1 },
            });
        }

        using var ours = MessageTemplate.Compile(templateText, null, false, "bench", TemplateLimits.Default, out _)!;
        string Ours(int i) => ours.Render(new MessageModel(customers[i % customers.Count], items, run, "Bench")).Body;

        // Both paths are warmed until the JIT has optimised them, then measured in alternating rounds; the median
        // round of each counts, so a noisy neighbour on a shared machine slows both sides alike.
        Measure(budget / 4, Naive);
        Measure(budget / 4, Ours);
        var naiveRounds = new List<double>();
        var oursRounds = new List<double>();
        var round = budget / 14;
        for (var r = 0; r < 7; r++)
        {
            naiveRounds.Add(Measure(round, Naive));
            oursRounds.Add(Measure(round, Ours));
        }
        return (Median(naiveRounds), Median(oursRounds));
    }

    private static double Median(List<double> rounds) => rounds.Order().ElementAt(rounds.Count / 2);

    private static double Measure(TimeSpan budget, Func<int, string> render)
    {
        for (var i = 0; i < 2_000; i++) render(i); // warm up
        var watch = Stopwatch.StartNew();
        long count = 0, length = 0;
        while (watch.Elapsed < budget)
        {
            for (var i = 0; i < 1_000; i++) length += render((int)count + i).Length;
            count += 1_000;
        }
        return length > 0 ? count / watch.Elapsed.TotalSeconds : 0;
    }
}
