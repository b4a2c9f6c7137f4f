using Campaigns.Data.Tests.Fixtures;
using Campaigns.Storage;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

/// <summary>Each test writes its events into its own year, and queries only that year.</summary>
public abstract class InteractionReaderTests(DatabaseFixture fixture)
{
    private readonly IImportWriter _writer = fixture.Get<IImportWriter>();
    private readonly IInteractionReader _reader = fixture.Get<IInteractionReader>();

    [Fact]
    public async Task Read_streams_events_in_time_order_across_batches_with_equal_times()
    {
        var (query, start) = Year(2001);
        var events = Enumerable.Range(0, 95).Select(i => Event($"2001-{i:D3}", $"c{i % 7}", $"i{i % 5}", start.AddHours(i / 3))).Reverse().ToArray();
        await _writer.AddEventsAsync(events, default);

        var read = new List<Interaction>();
        await foreach (var batch in _reader.ReadAsync(query, 10, default))
        {
            Assert.InRange(batch.Count, 1, 10);
            read.AddRange(batch);
        }

        Assert.Equal(95, read.Count);
        Assert.Equal(read.OrderBy(e => e.OccurredAt), read);
        Assert.Equal(events.Select(e => e.Interaction).ToHashSet(), read.ToHashSet());
    }

    [Fact]
    public async Task Read_applies_since_until_and_types()
    {
        var (_, start) = Year(2002);
        await _writer.AddEventsAsync(
        [
            Event("2002-before", "c1", "i1", start.AddTicks(-TimeSpan.TicksPerMillisecond)),
            Event("2002-at-since", "c1", "i1", start),
            Event("2002-view", "c1", "i1", start.AddDays(1), InteractionTypes.View),
            Event("2002-cart", "c1", "i1", start.AddDays(2), InteractionTypes.CartAdd),
            Event("2002-at-until", "c1", "i1", start.AddDays(3)),
        ], default);

        var read = new List<Interaction>();
        var query = new InteractionQuery(start, start.AddDays(3), [InteractionTypes.Purchase, InteractionTypes.View]);
        await foreach (var batch in _reader.ReadAsync(query, 100, default))
            read.AddRange(batch);

        Assert.Equal([start, start.AddDays(1)], read.Select(e => e.OccurredAt));
    }

    [Fact]
    public async Task CountByItem_orders_by_customers_then_events_then_item_and_keeps_the_top()
    {
        var (query, t) = Year(2003);
        await _writer.AddEventsAsync(
        [
            // b: 3 customers, 3 events; a: 2 customers, 4 events; c: 2 customers, 4 events (ties a, item id decides); d: 1.
            Event("2003-1", "x", "b", t), Event("2003-2", "y", "b", t), Event("2003-3", "z", "b", t, quantity: 5),
            Event("2003-4", "x", "a", t), Event("2003-5", "x", "a", t), Event("2003-6", "y", "a", t), Event("2003-7", "y", "a", t),
            Event("2003-8", "x", "c", t), Event("2003-9", "x", "c", t), Event("2003-10", "y", "c", t), Event("2003-11", "y", "c", t),
            Event("2003-12", "x", "d", t),
            Event("2003-13", "x", "", t, InteractionTypes.Open),
        ], default);

        var top = await _reader.CountByItemAsync(query, 3, default);

        Assert.Equal(
        [
            new ItemActivity("b", 3, 3, 7),
            new ItemActivity("a", 4, 2, 4),
            new ItemActivity("c", 4, 2, 4),
        ], top);
        Assert.Equal(["a", "c", "d"], (await _reader.CountByItemAsync(query with { Types = [InteractionTypes.Purchase] }, 10, default))
            .Where(a => a.Customers < 3).Select(a => a.ItemId));
    }

    [Fact]
    public async Task CountByCustomer_streams_counts_and_last_times_in_customer_order()
    {
        var (query, t) = Year(2004);
        var events = Enumerable.Range(0, 40).Select(i => Event($"2004-{i}", $"cust-{i % 13:D2}", "i", t.AddMinutes(i))).ToArray();
        await _writer.AddEventsAsync([.. events, Event("2004-view", "cust-99", "i", t.AddDays(1), InteractionTypes.View)], default);

        var rows = new List<CustomerActivity>();
        await foreach (var batch in _reader.CountByCustomerAsync(query with { Types = [InteractionTypes.Purchase] }, 5, default))
        {
            Assert.InRange(batch.Count, 1, 5);
            rows.AddRange(batch);
        }

        Assert.Equal(Enumerable.Range(0, 13).Select(i => $"cust-{i:D2}"), rows.Select(r => r.CustomerId));
        Assert.Equal(4, rows[0].Events);
        Assert.Equal(t.AddMinutes(39), rows[0].LastAt);
        Assert.Equal(3, rows[12].Events);
        Assert.Equal(t.AddMinutes(38), rows[12].LastAt);
    }

    private static (InteractionQuery Query, DateTimeOffset Start) Year(int year)
    {
        var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return (new InteractionQuery(start, start.AddYears(1)), start);
    }
}

public sealed class SqliteInteractionReaderTests(SqliteFixture fixture) : InteractionReaderTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresInteractionReaderTests(PostgresFixture fixture) : InteractionReaderTests(fixture), IClassFixture<PostgresFixture>;
