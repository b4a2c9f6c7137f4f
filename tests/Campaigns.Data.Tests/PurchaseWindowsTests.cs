using Campaigns.Data.Tests.Fixtures;
using Campaigns.Storage;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

/// <summary>Purchases in a window after a decision, attributed or not: how the experiment report counts conversions for every arm.</summary>
public abstract class PurchaseWindowsTests(DatabaseFixture fixture)
{
    private readonly IImportWriter _writer = fixture.Get<IImportWriter>();
    private readonly IPurchaseWindows _windows = fixture.Get<IPurchaseWindows>();

    [Fact]
    public async Task Each_window_counts_its_own_customers_purchases_from_its_start_up_to_but_not_including_its_end()
    {
        var (ann, bob) = (Unique("ann"), Unique("bob"));
        var start = new DateTimeOffset(2011, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await _writer.AddEventsAsync(
        [
            new StoredEvent(Unique("p"), new Interaction(ann, "i1", InteractionTypes.Purchase, start, 2, 5m)),
            new StoredEvent(Unique("p"), new Interaction(ann, "i2", InteractionTypes.Purchase, start.AddDays(6), 1, 7.5m)),
            new StoredEvent(Unique("p"), new Interaction(ann, "i3", InteractionTypes.Purchase, start.AddDays(7), 1, 100m)),
            new StoredEvent(Unique("p"), new Interaction(ann, "i4", InteractionTypes.Purchase, start.AddMilliseconds(-1), 1, 100m)),
            new StoredEvent(Unique("v"), new Interaction(ann, "i5", InteractionTypes.View, start.AddDays(1))),
            new StoredEvent(Unique("p"), new Interaction(bob, "i1", InteractionTypes.Purchase, start.AddDays(9), 3, 2m)),
        ], default);

        var totals = await _windows.TotalsAsync(
        [
            new PurchaseWindow(ann, start, start.AddDays(7)),
            new PurchaseWindow(bob, start, start.AddDays(7)),
            new PurchaseWindow(bob, start.AddDays(8), start.AddDays(15)),
            new PurchaseWindow(Unique("nobody"), start, start.AddDays(7)),
        ], default);

        Assert.Equal([new PurchaseTotal(2, 17.5m), new PurchaseTotal(0, 0m), new PurchaseTotal(1, 6m), new PurchaseTotal(0, 0m)], totals);
    }

    [Fact]
    public async Task No_windows_means_no_totals() => Assert.Empty(await _windows.TotalsAsync([], default));
}

public sealed class SqlitePurchaseWindowsTests(SqliteFixture fixture) : PurchaseWindowsTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresPurchaseWindowsTests(PostgresFixture fixture) : PurchaseWindowsTests(fixture), IClassFixture<PostgresFixture>;
