using System.Globalization;
using Campaigns.Host.Bench;

namespace Campaigns.Host.Tests.Bench;

/// <summary>The synthetic shop generator: deterministic per seed, the documented columns, and the planted shape.</summary>
public sealed class InteractionGeneratorTests
{
    private static readonly GeneratorSettings Small = new(2_000, 1_000, 15, 42, 0, GeneratorSettings.DefaultEnd);

    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_other_ones()
    {
        var first = Generate(Small);
        var again = Generate(Small);
        var other = Generate(Small with { Seed = 43 });

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Every_line_has_the_documented_columns_and_every_customer_has_events()
    {
        var lines = Lines(Small);

        Assert.Equal(InteractionGenerator.Header, lines[0]);
        var start = GeneratorSettings.DefaultEnd.AddDays(-GeneratorSettings.Days).ToUnixTimeSeconds();
        var end = GeneratorSettings.DefaultEnd.ToUnixTimeSeconds();
        var customers = new HashSet<string>();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            Assert.Equal(6, f.Length);
            Assert.Matches("^c[0-9]+$", f[0]);
            Assert.Matches("^i[0-9]+$", f[1]);
            Assert.InRange(long.Parse(f[1][1..], CultureInfo.InvariantCulture), 0, Small.Items - 1);
            Assert.InRange(long.Parse(f[2], CultureInfo.InvariantCulture), start, end - 1);
            Assert.Equal("purchase", f[3]);
            Assert.InRange(int.Parse(f[4], CultureInfo.InvariantCulture), 1, 3);
            Assert.True(decimal.Parse(f[5], CultureInfo.InvariantCulture) > 0, line);
            customers.Add(f[0]);
        }
        Assert.Equal(Small.Customers, customers.Count);
        // Log-normal activity around the mean: the total lands near customers × mean.
        Assert.InRange(lines.Length - 1, Small.Customers * Small.EventsPerCustomer * 0.8, Small.Customers * Small.EventsPerCustomer * 1.2);
    }

    [Fact]
    public void Popularity_is_skewed_like_a_power_law()
    {
        var counts = Lines(Small).Skip(1).GroupBy(l => l.Split(',')[1]).Select(g => g.Count()).OrderDescending().ToArray();
        var total = counts.Sum();

        // Uniform popularity would give the top 1% of items about 1% of events; Zipf gives them far more.
        var top = counts.Take(Small.Items / 100).Sum();
        Assert.True(top > 0.2 * total, $"top 1% of items have {top} of {total} events");
        // The long tail exists: more than half of the catalogue is bought at least once.
        Assert.True(counts.Length > Small.Items / 2, $"{counts.Length} items bought");
    }

    [Fact]
    public void Customers_concentrate_on_their_own_categories()
    {
        var shape = new ShopShape(Small.Items, Small.CategoryCount);
        var rankOfId = Enumerable.Range(0, Small.Items).ToDictionary(r => "i" + shape.IdOf(r).ToString(CultureInfo.InvariantCulture), r => r);
        var events = Lines(Small).Skip(1).Select(l => l.Split(',')).Select(f => (Customer: f[0], Category: rankOfId[f[1]] % shape.Categories)).ToList();

        // Share of each customer's events in their most frequent category, against the same with customers shuffled
        // (events reassigned at random, keeping popularity): the planted preference must stand well above it.
        var planted = TopCategoryShare(events);
        var random = new Random(7);
        var owners = events.Select(e => e.Customer).ToArray();
        random.Shuffle(owners);
        var shuffled = TopCategoryShare([.. events.Select((e, n) => (owners[n], e.Category))]);
        Assert.True(planted > shuffled + 0.15, $"top-category share {planted:0.000}, shuffled {shuffled:0.000}");
    }

    private static double TopCategoryShare(List<(string Customer, int Category)> events) =>
        events.GroupBy(e => e.Customer).Where(g => g.Count() >= 5)
            .Average(g => (double)g.GroupBy(e => e.Category).Max(c => c.Count()) / g.Count());

    private static byte[] Generate(GeneratorSettings settings)
    {
        using var memory = new MemoryStream();
        InteractionGenerator.Write(settings, memory);
        return memory.ToArray();
    }

    private static string[] Lines(GeneratorSettings settings) =>
        System.Text.Encoding.UTF8.GetString(Generate(settings)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
