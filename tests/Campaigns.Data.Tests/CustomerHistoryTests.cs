using Campaigns.Data.Tests.Fixtures;
using Campaigns.Storage;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

/// <summary>Customers are named after the test, so tests sharing a database never see each other's events.</summary>
public abstract class CustomerHistoryTests(DatabaseFixture fixture)
{
    private readonly IImportWriter _writer = fixture.Get<IImportWriter>();
    private readonly ICustomerHistory _history = fixture.Get<ICustomerHistory>();

    [Fact]
    public async Task Purchased_since_returns_each_customers_items_bought_at_or_after_the_bound()
    {
        var since = new DateTimeOffset(2010, 6, 1, 0, 0, 0, TimeSpan.Zero);
        await _writer.AddEventsAsync(
        [
            Event("h1-1", "hist-a", "i1", since),
            Event("h1-2", "hist-a", "i2", since.AddDays(3)),
            Event("h1-3", "hist-a", "i2", since.AddDays(4)),
            Event("h1-4", "hist-a", "old", since.AddTicks(-TimeSpan.TicksPerMillisecond)),
            Event("h1-5", "hist-a", "viewed", since.AddDays(1), InteractionTypes.View),
            Event("h1-6", "hist-b", "i3", since.AddDays(1)),
            Event("h1-7", "hist-c", "i4", since.AddDays(1)),
            Event("h1-8", "hist-d", "i5", since.AddDays(-10)),
        ], default);

        var bought = await _history.PurchasedSinceAsync(["hist-a", "hist-b", "hist-d", "hist-unknown"], since, default);

        Assert.Equal(["hist-a", "hist-b"], bought.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["i1", "i2"], bought["hist-a"].Order(StringComparer.Ordinal));
        Assert.Equal(["i3"], bought["hist-b"]);
    }

    [Fact]
    public async Task No_customers_means_no_query_and_no_purchases()
    {
        Assert.Empty(await _history.PurchasedSinceAsync([], DateTimeOffset.UnixEpoch, default));
    }
}

public sealed class SqliteCustomerHistoryTests(SqliteFixture fixture) : CustomerHistoryTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresCustomerHistoryTests(PostgresFixture fixture) : CustomerHistoryTests(fixture), IClassFixture<PostgresFixture>;
