using Campaigns.Data.Tests.Fixtures;
using Campaigns.Scheduling;
using Campaigns.Storage;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

/// <summary>What the scheduler needs from the database: contact history under the cap lock, shared provider pacing, releasing claims.</summary>
public abstract class SchedulingStoreTests(DatabaseFixture fixture)
{
    private static readonly int Day = DateOnly.FromDateTime(T0.UtcDateTime).DayNumber;
    private readonly ILedgerStore _ledger = fixture.Get<ILedgerStore>();
    private readonly IProviderPace _pace = fixture.Get<IProviderPace>();

    [Fact]
    public async Task A_capped_insert_sees_every_campaigns_live_rows_on_the_kind_and_nothing_else()
    {
        var customer = Unique("cust");
        var kind = Unique("kind");
        await _ledger.InsertAsync(
        [
            Contact(Unique("a"), customer, kind, Day),
            Contact(Unique("b"), customer, kind, Day),
            Contact(Unique("c"), customer, kind, Day + 1),
            Contact(Unique("d"), customer, kind, Day) with { State = DeliveryState.Suppressed },
            Contact(Unique("e"), customer, "other-" + kind, Day),
            Contact(Unique("f"), customer, kind, Day + 30),
        ], default);

        ContactHistory? seen = null;
        var next = Contact(Unique("g"), customer, kind, Day + 2);
        var inserted = await _ledger.InsertCappedAsync(new ContactScope(kind, [customer], Day - 7, Day + 7), history =>
        {
            seen = history;
            return [next];
        }, default);

        Assert.Equal(1, inserted);
        Assert.Equal((2, 1, 0), (seen!.OnDay(customer, Day), seen.OnDay(customer, Day + 1), seen.OnDay(customer, Day + 30)));
        var stored = Assert.Single(await _ledger.ListAsync(next.CampaignId, null, 10, default));
        Assert.Equal((kind, Day + 2), (stored.ChannelKind, stored.LocalDay));
    }

    [Fact]
    public async Task Concurrent_capped_inserts_on_one_kind_take_turns_so_a_cap_of_one_holds()
    {
        var customer = Unique("cust");
        var kind = Unique("kind");
        // Ten campaigns at once each place the customer on the first day with room for one message.
        var tasks = Enumerable.Range(0, 10).Select(i => Task.Run(() => _ledger.InsertCappedAsync(new ContactScope(kind, [customer], Day - 7, Day + 20), history =>
        {
            var day = Day;
            while (history.OnDay(customer, day) >= 1) day++;
            history.Add(customer, day);
            return [Contact(Unique($"camp{i}"), customer, kind, day)];
        }, default)));
        await Task.WhenAll(tasks);

        ContactHistory? after = null;
        await _ledger.InsertCappedAsync(new ContactScope(kind, [customer], Day - 7, Day + 20), h => { after = h; return []; }, default);
        Assert.All(Enumerable.Range(Day, 10), d => Assert.Equal(1, after!.OnDay(customer, d)));
    }

    [Fact]
    public async Task Permits_from_concurrent_reservations_never_overlap_and_a_pause_holds_them_back()
    {
        var provider = Unique("prov");
        var spacing = TimeSpan.FromMilliseconds(100);
        var firsts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _pace.ReserveAsync(provider, 5, spacing, T0, default))));

        // Eight reservations of five permits each: one continuous run of 40 permits, 100 ms apart, from T0.
        Assert.Equal(Enumerable.Range(0, 8).Select(i => T0 + spacing * 5 * i), firsts.Order());

        await _pace.PauseAsync(provider, T0.AddMinutes(10), default);
        Assert.Equal(T0.AddMinutes(10), await _pace.ReserveAsync(provider, 1, spacing, T0.AddSeconds(5), default));
        Assert.Equal(T0.AddMinutes(20), await _pace.ReserveAsync(Unique("idle"), 1, spacing, T0.AddMinutes(20), default));
    }

    [Fact]
    public async Task Released_rows_are_planned_again_without_the_attempt_that_never_happened()
    {
        var campaign = Unique("rel");
        await _ledger.InsertAsync(Entries(campaign, 3, T0), default);
        var claimed = await _ledger.ClaimDueAsync(new ClaimRequest(T0, 3, "w", TimeSpan.FromMinutes(5), campaign), default);

        await _ledger.ReleaseAsync([.. claimed.Take(2).Select(r => r.Key)], T0.AddMinutes(1), default);

        var rows = await _ledger.ListAsync(campaign, null, 10, default);
        Assert.Equal([DeliveryState.Planned, DeliveryState.Planned, DeliveryState.Sending], rows.Select(r => r.State));
        Assert.Equal([0, 0, 1], rows.Select(r => r.Attempts));
        Assert.Equal(T0.AddMinutes(1), rows[0].SendAt);
        Assert.Empty(await _ledger.ClaimDueAsync(new ClaimRequest(T0.AddSeconds(30), 3, "w", TimeSpan.FromMinutes(5), campaign), default));
        Assert.Equal(2, (await _ledger.ClaimDueAsync(new ClaimRequest(T0.AddMinutes(1), 3, "w", TimeSpan.FromMinutes(5), campaign), default)).Count);
    }

    private static LedgerEntry Contact(string campaign, string customer, string kind, int day) =>
        Entry(campaign, customer, T0) with { ChannelKind = kind, LocalDay = day };
}

public sealed class SqliteSchedulingStoreTests(SqliteFixture fixture) : SchedulingStoreTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresSchedulingStoreTests(PostgresFixture fixture) : SchedulingStoreTests(fixture), IClassFixture<PostgresFixture>;
