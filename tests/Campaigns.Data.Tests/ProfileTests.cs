using System.Text.Json;
using Campaigns.Data.Tests.Fixtures;
using Campaigns.Events;
using Campaigns.Profiles;
using Campaigns.Storage;
using Campaigns.Tracking;
using Microsoft.Extensions.Logging.Abstractions;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

/// <summary>Profiles computed from a small hand-made history match figures worked out by hand, and stay the same whether computed in full or incrementally.</summary>
public abstract class ProfileTests(DatabaseFixture fixture)
{
    private static readonly DateTimeOffset AsOf = new(2030, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly IImportWriter _writer = fixture.Get<IImportWriter>();
    private readonly IProfileStore _profiles = fixture.Get<IProfileStore>();
    private readonly ILedgerStore _ledger = fixture.Get<ILedgerStore>();
    private readonly StoppedClock _clock = new(AsOf);

    // Categories: KITCHEN (mug, pan: the title word two items share), BAG (bag: BAG and JUTE tie, alphabetical), LIGHTING (lamp's own).
    // Catalogue median price (2, 4, 10, 30) = 7: mug and bag are below it.
    private static readonly CatalogItem[] Catalog =
    [
        new("mug", "KITCHEN MUG RED") { Price = 4m },
        new("pan", "KITCHEN PAN") { Price = 10m },
        new("bag", "JUTE BAG") { Price = 2m, Tags = ["brand:Acme"] },
        new("lamp", "DESK LAMP") { Price = 30m, Category = "Lighting" },
    ];

    /// <summary>15:00 UTC, <paramref name="days"/> days before 2030-03-01: 10:00 in New York (EST).</summary>
    private static DateTimeOffset Day(int days) => new DateTimeOffset(2030, 3, 1, 15, 0, 0, TimeSpan.Zero).AddDays(-days);

    [Fact]
    public async Task Profile_figures_match_the_hand_computed_ones()
    {
        var ann = await HistoryAsync();

        Assert.Equal(1, await Computer().ComputeAsync([ann, "nobody-" + ann], default));
        var p = Assert.Single(await _profiles.GetManyAsync([ann], default));

        // Orders at day 100 (8), day 40 (10 + 2, one invoice) and day 10 (30).
        Assert.Equal((3, 1, 2, 3), (p.OrdersTotal, p.Orders30d, p.Orders90d, p.Orders365d));
        Assert.Equal((50m, 42m, 16.6667m), (p.RevenueTotal, p.Revenue90d, p.AvgOrderValue));
        Assert.Equal(9.875, p.DaysSinceLastOrder); // 2030-02-19 15:00 to 2030-03-01 12:00
        Assert.Equal(Day(10), p.LastOrderAt);
        Assert.Equal((45.0, 15.0), (p.IntervalMeanDays, p.IntervalStdDays)); // intervals 60 and 30 days
        Assert.Equal(Day(10).AddDays(45), p.ExpectedNextOrderAt);
        Assert.Equal(new Dictionary<string, double> { ["LIGHTING"] = 0.6, ["KITCHEN"] = 0.36, ["BAG"] = 0.04 }, p.CategoryAffinity);
        Assert.Equal(new Dictionary<string, double> { ["ACME"] = 0.04 }, p.BrandAffinity);
        Assert.Equal(0.5, p.PriceSensitivity); // mug and bag of four purchase lines are below the median price
        Assert.Equal(10, p.TopHour);
        Assert.Equal((7, 2, 1), (p.ActivityHours[10], p.ActivityHours[18], p.ActivityHours[22]));
        Assert.Equal(10, p.ActivityHours.Sum());
        Assert.Equal(["mug"], p.CartItems); // the pan added on day 50 was bought later, on day 40
        Assert.Equal((4m, Day(5)), (p.CartValue, p.CartUpdatedAt)); // one mug at its catalogue price
        Assert.Equal(new ChannelEngagement(2, 0.5, 0.5), p.Engagement["email"]);
        Assert.Equal(new ChannelEngagement(1, 0, 0), p.Engagement["sms"]);
        // TF-IDF: desk and lamp (3 touches x ln 4) lead; bag, jute, kitchen, mug, pan tie at 2 ln 4 = 4 ln 2, alphabetical.
        Assert.Equal(["desk", "lamp", "bag", "jute", "kitchen"], p.InterestTags);
    }

    [Fact]
    public async Task A_customer_without_events_has_an_empty_profile()
    {
        var quiet = Unique("quiet");
        await _writer.AddItemsAsync(Catalog, default);
        await _writer.AddCustomersAsync([Customer(quiet)], default);

        await Computer().ComputeAsync([quiet], default);

        var p = Assert.Single(await _profiles.GetManyAsync([quiet], default));
        Assert.Equal((0, 0m, (double?)null, (double?)null, (int?)null), (p.OrdersTotal, p.RevenueTotal, p.DaysSinceLastOrder, p.PriceSensitivity, p.TopHour));
        Assert.Empty(p.CategoryAffinity);
        Assert.Empty(p.CartItems);
        Assert.Empty(p.Engagement);
        Assert.Empty(p.InterestTags);
    }

    [Fact]
    public async Task Incremental_update_through_the_observer_equals_a_full_recompute()
    {
        var ann = await HistoryAsync();
        var computer = Computer();
        await computer.ComputeAllAsync(null, default);
        var before = Json(Assert.Single(await _profiles.GetManyAsync([ann], default)));

        // A new order: the cart's mug is bought. The write publishes the batch; the worker's step recomputes ann.
        var queue = new ProfileUpdateQueue(NullLogger<ProfileUpdateQueue>.Instance);
        var order = new StoredEvent(Unique("e"), new Interaction(ann, "mug", InteractionTypes.Purchase, Day(1), 1, 4m));
        await _writer.AddEventsAsync([order], default);
        await queue.OnAcceptedAsync(new AcceptedBatch([order.Interaction], [], [], AsOf), default);
        Assert.Equal(1, queue.Pending);
        Assert.Equal(1, await queue.ProcessPendingAsync(computer, default));
        var incremental = Assert.Single(await _profiles.GetManyAsync([ann], default));

        await computer.ComputeAllAsync(null, default);
        var full = Assert.Single(await _profiles.GetManyAsync([ann], default));

        Assert.Equal(Json(full), Json(incremental));
        Assert.NotEqual(before, Json(incremental));
        Assert.Equal((4, 2, 54m), (incremental.OrdersTotal, incremental.Orders30d, incremental.RevenueTotal));
        Assert.Empty(incremental.CartItems);
        Assert.Equal(0, queue.Pending);
    }

    /// <summary>A customer in New York with three orders, an open cart, views, and three sent messages (one opened and clicked).</summary>
    private async Task<string> HistoryAsync()
    {
        var ann = Unique("ann");
        await _writer.AddItemsAsync(Catalog, default);
        await _writer.AddCustomersAsync([Customer(ann) with { TimeZone = "America/New_York" }], default);
        var k1 = await SentAsync(Unique("spring"), ann, "email");
        await SentAsync(Unique("summer"), ann, "email");
        await SentAsync(Unique("sms"), ann, "sms");
        var evening = new DateTimeOffset(2030, 2, 26, 23, 30, 0, TimeSpan.Zero); // 18:30 in New York
        StoredEvent E(string item, string type, DateTimeOffset at, double quantity = 1, decimal value = 0) =>
            new(Unique("e"), new Interaction(ann, item, type, at, quantity, value));
        await _writer.AddEventsAsync(
        [
            E("mug", InteractionTypes.Purchase, Day(100), 2, 8m),
            E("pan", InteractionTypes.CartAdd, Day(50)),
            E("pan", InteractionTypes.Purchase, Day(40), 1, 10m),
            E("bag", InteractionTypes.Purchase, Day(40), 1, 2m),
            E("lamp", InteractionTypes.Purchase, Day(10), 1, 30m),
            E("mug", InteractionTypes.CartAdd, Day(5)),
            E("lamp", InteractionTypes.View, Day(3)),
            E("bag", InteractionTypes.View, new DateTimeOffset(2030, 2, 27, 3, 0, 0, TimeSpan.Zero)), // 22:00 the evening before in New York
            new StoredEvent(TrackingEvents.OpenId(k1), new Interaction(ann, "", InteractionTypes.Open, evening)),
            new StoredEvent(TrackingEvents.ClickId(k1, "https://shop/lamp", evening.AddMinutes(10)), new Interaction(ann, "lamp", InteractionTypes.Click, evening.AddMinutes(10))),
        ], default);
        return ann;
    }

    private async Task<string> SentAsync(string campaign, string customer, string kind)
    {
        var entry = Entry(campaign, customer, Day(20)) with { ChannelKind = kind };
        await _ledger.InsertAsync([entry], default);
        var claimed = await _ledger.ClaimDueAsync(new ClaimRequest(Day(20), 10, "w", TimeSpan.FromMinutes(5), campaign), default);
        await _ledger.CompleteAsync([.. claimed.Select(c => new LedgerCompletion(c.Key, DeliveryState.Sent, "id", Day(20)))], default);
        return entry.Key;
    }

    private ProfileComputer Computer() => new(fixture.Get<ICustomerReader>(), fixture.Get<ICatalogReader>(), fixture.Get<IProfileSource>(), _profiles,
        _clock, NullLogger<ProfileComputer>.Instance);

    private static string Json(CustomerProfile profile) => JsonSerializer.Serialize(profile);

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class SqliteProfileTests(SqliteFixture fixture) : ProfileTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresProfileTests(PostgresFixture fixture) : ProfileTests(fixture), IClassFixture<PostgresFixture>;
