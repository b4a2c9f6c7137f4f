using Campaigns.Data.Tests.Fixtures;
using Campaigns.Storage;
using Campaigns.Tracking;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

/// <summary>Purchases credited to the message that led to them: the latest click within 7 days, else a send within 1 day.</summary>
public abstract class AttributionStoreTests(DatabaseFixture fixture)
{
    private readonly IAttributionStore _store = fixture.Get<IAttributionStore>();
    private readonly ILedgerStore _ledger = fixture.Get<ILedgerStore>();
    private readonly IImportWriter _events = fixture.Get<IImportWriter>();

    [Fact]
    public async Task Clicks_win_over_sends_the_latest_click_wins_and_old_touches_earn_nothing()
    {
        var (spring, summer) = (Unique("spring"), Unique("summer"));
        var (ann, bob, cat, dan) = (Unique("ann"), Unique("bob"), Unique("cat"), Unique("dan"));
        var springAnn = await SentAsync(spring, ann, T0, "lamp");
        var summerAnn = await SentAsync(summer, ann, T0.AddHours(1), "mug");
        var summerBob = await SentAsync(summer, bob, T0, "mug");
        await SentAsync(spring, cat, T0, "lamp");
        await SentAsync(spring, dan, T0, "lamp");
        await _events.AddEventsAsync(
        [
            // Ann clicked both messages; the later click (spring) gets her purchase although summer was sent later.
            Event(TrackingEvents.ClickId(summerAnn, "https://shop/mug", T0.AddHours(2)), ann, "mug", "click", T0.AddHours(2)),
            Event(TrackingEvents.ClickId(springAnn, "https://shop/lamp", T0.AddHours(3)), ann, "lamp", "click", T0.AddHours(3)),
            Event(Unique("p"), ann, "lamp", "purchase", T0.AddDays(2), quantity: 2, value: 12.5m),
            // Bob never clicked: bought within a day of the send (view-through), an item the message did not name.
            Event(Unique("p"), bob, "chair", "purchase", T0.AddHours(20), value: 80m),
            // Cat bought two days after the send without clicking: outside the view window.
            Event(Unique("p"), cat, "lamp", "purchase", T0.AddDays(2)),
            // Dan clicked, but bought eight days later: outside the click window, and the send is older still.
            Event(TrackingEvents.ClickId(LedgerEntry.KeyOf(spring, "o1", dan, "main"), "https://shop/lamp", T0.AddHours(1)), dan, "lamp", "click", T0.AddHours(1)),
            Event(Unique("p"), dan, "lamp", "purchase", T0.AddDays(8).AddHours(2)),
        ], default);

        var credited = await _store.AttributeAsync(T0, T0.AddDays(10), AttributionWindows.Default, default);
        var again = await _store.AttributeAsync(T0, T0.AddDays(10), AttributionWindows.Default, default);

        Assert.Equal((2, 0), (credited, again));
        var fromSpring = Assert.Single(await _store.ListAsync(spring, default));
        Assert.Equal((springAnn, "click", "lamp", true, 25m), (fromSpring.DeliveryKey, fromSpring.Via, fromSpring.ItemId, fromSpring.Recommended, fromSpring.Revenue));
        var fromSummer = Assert.Single(await _store.ListAsync(summer, default));
        Assert.Equal((summerBob, "view", "chair", false, 80m), (fromSummer.DeliveryKey, fromSummer.Via, fromSummer.ItemId, fromSummer.Recommended, fromSummer.Revenue));
    }

    private async Task<string> SentAsync(string campaign, string customer, DateTimeOffset at, string item)
    {
        var entry = Entry(campaign, customer, at) with { ItemIds = [item], ChannelKind = "email" };
        await _ledger.InsertAsync([entry], default);
        var claimed = await _ledger.ClaimDueAsync(new ClaimRequest(at, 10, "w", TimeSpan.FromMinutes(5), campaign), default);
        await _ledger.CompleteAsync([.. claimed.Select(c => new LedgerCompletion(c.Key, DeliveryState.Sent, "id", at))], default);
        return entry.Key;
    }

    private static StoredEvent Event(string id, string customer, string item, string type, DateTimeOffset at, double quantity = 1, decimal value = 0) =>
        new(id, new Interaction(customer, item, type, at, quantity, value));
}

public sealed class SqliteAttributionStoreTests(SqliteFixture fixture) : AttributionStoreTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresAttributionStoreTests(PostgresFixture fixture) : AttributionStoreTests(fixture), IClassFixture<PostgresFixture>;
