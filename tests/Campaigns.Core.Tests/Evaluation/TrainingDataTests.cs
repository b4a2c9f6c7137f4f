using Campaigns.Data;
using Campaigns.Evaluation;

namespace Campaigns.Core.Tests.Evaluation;

/// <summary>
/// The in-memory readers keep events as flat columns; what they stream and aggregate must be exactly what the plain
/// definitions over the event objects give (the semantics the database readers document).
/// </summary>
public sealed class TrainingDataTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Streams_events_in_stable_time_order_and_filters_like_the_query_says()
    {
        var events = RandomEvents(3_000, seed: 5);
        var data = new TrainingData(events, []);
        var query = new InteractionQuery(Start.AddDays(3), Start.AddDays(9), [InteractionTypes.Purchase, InteractionTypes.View]);

        var streamed = new List<Interaction>();
        await foreach (var batch in data.ReadAsync(query, 97, CancellationToken.None)) streamed.AddRange(batch);

        var expected = events.OrderBy(e => e.OccurredAt)
            .Where(e => e.OccurredAt >= query.Since && e.OccurredAt < query.Until && query.Types!.Contains(e.Type)).ToList();
        Assert.Equal(expected, streamed);
        Assert.Equal(events.Max(e => e.OccurredAt), data.LatestEvent);
    }

    [Fact]
    public async Task Item_and_customer_aggregates_match_their_definitions()
    {
        var events = RandomEvents(3_000, seed: 9);
        var data = new TrainingData(EventTable.From(events), []);
        var query = new InteractionQuery(Types: [InteractionTypes.Purchase]);
        var matching = events.OrderBy(e => e.OccurredAt).Where(e => e.Type == InteractionTypes.Purchase).ToList();

        var items = await data.CountByItemAsync(query, 15, CancellationToken.None);
        var expectedItems = matching.Where(e => e.ItemId.Length > 0).GroupBy(e => e.ItemId, StringComparer.Ordinal)
            .Select(g => new ItemActivity(g.Key, g.LongCount(), g.Select(e => e.CustomerId).Distinct().LongCount(), g.Sum(e => e.Quantity)))
            .OrderByDescending(a => a.Customers).ThenByDescending(a => a.Events).ThenBy(a => a.ItemId, StringComparer.Ordinal).Take(15);
        Assert.Equal(expectedItems, items);

        var customers = new List<CustomerActivity>();
        await foreach (var batch in data.CountByCustomerAsync(query, 10, CancellationToken.None)) customers.AddRange(batch);
        var expectedCustomers = matching.GroupBy(e => e.CustomerId, StringComparer.Ordinal)
            .Select(g => new CustomerActivity(g.Key, g.LongCount(), g.Max(e => e.OccurredAt))).OrderBy(a => a.CustomerId, StringComparer.Ordinal);
        Assert.Equal(expectedCustomers, customers);

        var all = new List<string>();
        await foreach (var batch in data.ReadAllAsync(7, CancellationToken.None)) all.AddRange(batch.Select(c => c.Id));
        Assert.Equal(events.Select(e => e.CustomerId).Distinct().Order(StringComparer.Ordinal), all);
    }

    [Fact]
    public void The_table_gives_back_the_events_it_was_given()
    {
        var events = RandomEvents(500, seed: 1);

        var table = EventTable.From(events);

        Assert.Equal(events, table);
        Assert.Equal(events.Select(e => e.CustomerId).Distinct().Count(), table.CustomerCount);
    }

    // Many events share an instant (whole hours), so the order of ties matters; quantities are fractional so a
    // different summation order would show.
    private static List<Interaction> RandomEvents(int count, int seed)
    {
        var random = new Random(seed);
        string[] types = [InteractionTypes.Purchase, InteractionTypes.View, InteractionTypes.CartAdd];
        return [.. Enumerable.Range(0, count).Select(_ => new Interaction(
            $"u{random.Next(60)}", $"i{random.Next(40)}", types[random.Next(types.Length)], Start.AddHours(random.Next(24 * 12)),
            Math.Round(random.NextDouble() * 3, 3), random.Next(1000) / 100m))];
    }
}
