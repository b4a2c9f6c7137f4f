using Campaigns.Data.Tests.Fixtures;
using Campaigns.Ingest;
using Campaigns.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

/// <summary>
/// Each host's trigger marks: a dead host's are adopted by one living host, exactly once; a replay finds events by when
/// their write was accepted and finds the catalog writes that start a moment; and which ledger keys exist.
/// </summary>
public abstract class TriggerWatermarkTests(DatabaseFixture fixture)
{
    private static readonly DateTimeOffset Yesterday = T0.AddDays(-1);

    [Fact]
    public async Task A_dead_hosts_marks_are_adopted_once_and_a_living_hosts_stay()
    {
        var (marks, clock) = await IsolatedAsync();
        await marks.HeartbeatAsync("a", _ => Marks(("cart", T0.AddMinutes(-1)), ("", T0)), T0.AddMinutes(-3), adoptOwn: false, default);
        clock.Now = T0.AddMinutes(2);
        Assert.Empty(await marks.HeartbeatAsync("b", _ => Marks(("cart", T0.AddMinutes(2))), T0.AddMinutes(-1), adoptOwn: false, default));

        clock.Now = T0.AddMinutes(4);
        IReadOnlyList<HostMark> seen = [];
        var adopted = await marks.HeartbeatAsync("c", dead => { seen = dead; return Marks(("cart", dead.Min(m => m.AcceptedThrough))); }, T0.AddMinutes(1), adoptOwn: false, default);
        // A second host sweeping with the same notion of "dead" finds nothing left to take.
        Assert.Empty(await marks.HeartbeatAsync("d", _ => Marks(("cart", T0.AddMinutes(4))), T0.AddMinutes(1), adoptOwn: false, default));

        Assert.Equal([new HostMark("a", "", T0, T0), new HostMark("a", "cart", T0.AddMinutes(-1), T0)], adopted.OrderBy(m => m.CampaignId, StringComparer.Ordinal));
        Assert.Equal(adopted, seen);
        Assert.Equal([("b", T0.AddMinutes(2)), ("c", T0.AddMinutes(-1)), ("d", T0.AddMinutes(4))],
            (await marks.ListAsync(default)).Select(m => (m.HostId, m.AcceptedThrough)));
    }

    [Fact]
    public async Task A_fixed_host_id_starting_again_takes_back_its_own_marks_and_only_then()
    {
        var (marks, clock) = await IsolatedAsync();
        await marks.HeartbeatAsync("a", _ => Marks(("cart", T0.AddMinutes(-5)), ("", T0)), T0.AddMinutes(-3), adoptOwn: false, default);

        clock.Now = T0.AddMinutes(1);
        // Seen a minute ago, so not dead: only the restarted process itself takes them, at its first sweep.
        var restarted = await marks.HeartbeatAsync("a", _ => Marks(("cart", T0.AddMinutes(-5))), T0.AddMinutes(-2), adoptOwn: true, default);
        var later = await marks.HeartbeatAsync("a", _ => Marks(("cart", T0.AddMinutes(1))), T0.AddMinutes(-2), adoptOwn: false, default);

        Assert.Equal([new HostMark("a", "", T0, T0), new HostMark("a", "cart", T0.AddMinutes(-5), T0)], restarted.OrderBy(m => m.CampaignId, StringComparer.Ordinal));
        Assert.Empty(later);
        Assert.Equal([("a", "cart", T0.AddMinutes(1))], (await marks.ListAsync(default)).Select(m => (m.HostId, m.CampaignId, m.AcceptedThrough)));
    }

    [Fact]
    public async Task A_replay_finds_events_by_when_they_were_accepted_even_if_they_occurred_long_before()
    {
        var (marks, clock) = await IsolatedAsync();
        var writer = _services!.GetRequiredService<IIngestStore>();
        clock.Now = T0.AddMinutes(-10);
        await writer.AddEventsAsync([Stored("e1", "ann", T0.AddMinutes(-10))], default);
        clock.Now = T0;
        // A phone that was offline for two days sends its carts now: they are new to the shop, whatever their occurredAt.
        await writer.AddEventsAsync([Stored("e2", "bob", T0.AddDays(-2)), Stored("e3", "cy", T0), Stored("e4", "dee", T0), Stored("e5", "old", T0.AddDays(-9))], default);

        var chunks = new List<IReadOnlyList<Interaction>>();
        await foreach (var chunk in marks.AcceptedEventsAsync(T0.AddMinutes(-1), T0.AddDays(-3), [InteractionTypes.CartAdd], 2, default)) chunks.Add(chunk);

        Assert.Equal(["bob", "cy", "dee"], chunks.SelectMany(c => c).Select(e => e.CustomerId).Order(StringComparer.Ordinal));
        Assert.Equal(2, chunks.Count);
    }

    [Fact]
    public async Task Only_catalog_writes_that_bring_an_item_back_or_lower_its_price_are_kept_for_replays()
    {
        var (marks, clock) = await IsolatedAsync();
        var writer = _services!.GetRequiredService<IIngestStore>();
        clock.Now = Yesterday;
        await writer.UpsertItemsAsync([new ItemPatch("mug") { Title = "Mug", Price = 10m, Stock = new Sent<int?>(3) }], default); // new
        await writer.UpsertItemsAsync([new ItemPatch("mug") { Stock = new Sent<int?>(0) }], default); // sold out
        clock.Now = T0;
        var back = await writer.UpsertItemsAsync([new ItemPatch("mug") { Stock = new Sent<int?>(4) }], default);
        clock.Now = T0.AddMinutes(1);
        await writer.UpsertItemsAsync([new ItemPatch("mug") { Price = 8m }], default);
        clock.Now = T0.AddMinutes(2);
        await writer.UpsertItemsAsync([new ItemPatch("mug") { Price = 9m, Stock = new Sent<int?>(5) }], default); // dearer, more stock: no moment

        var changes = await marks.CatalogChangesAsync(Yesterday, default);

        Assert.Equal([(T0, true, false), (T0.AddMinutes(1), false, true)], changes.Select(c => (c.ChangedAt!.Value, c.BackInStock, c.PriceDropped)));
        Assert.Equal(T0, Assert.Single(back.Changes).ChangedAt); // the live path names the same instant as the replay
        Assert.Single(await marks.CatalogChangesAsync(T0.AddMinutes(1), default));
    }

    [Fact]
    public async Task The_keys_already_in_the_ledger_are_found_among_many()
    {
        var marks = fixture.Get<ITriggerWatermarks>();
        var campaign = Unique("cart");
        var stored = Entries(campaign, 3, T0);
        await fixture.Get<ILedgerStore>().InsertAsync(stored, default);

        var asked = stored.Select(e => e.Key).Concat(Enumerable.Range(0, 1_500).Select(i => $"{campaign}:missing:{i}:main")).ToList();
        var found = await marks.ExistingKeysAsync(asked, default);

        Assert.Equal(stored.Select(e => e.Key).Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        Assert.Empty(await marks.ExistingKeysAsync([], default));
    }

    private IServiceProvider? _services;

    // Host rows and change rows are global: each test gets its own database and clock.
    private async Task<(ITriggerWatermarks Marks, Clock Clock)> IsolatedAsync()
    {
        var clock = new Clock { Now = T0 };
        var database = await fixture.NewDatabaseAsync();
        _services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddCampaignsData(database).BuildServiceProvider();
        await _services.MigrateCampaignsDatabaseAsync();
        return (_services.GetRequiredService<ITriggerWatermarks>(), clock);
    }

    private static Dictionary<string, DateTimeOffset> Marks(params (string Campaign, DateTimeOffset At)[] marks) =>
        marks.ToDictionary(m => m.Campaign, m => m.At, StringComparer.Ordinal);

    private static StoredEvent Stored(string id, string customer, DateTimeOffset at) => new(Unique(id), new Interaction(customer, "mug", InteractionTypes.CartAdd, at));

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

public sealed class SqliteTriggerWatermarkTests(SqliteFixture fixture) : TriggerWatermarkTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresTriggerWatermarkTests(PostgresFixture fixture) : TriggerWatermarkTests(fixture), IClassFixture<PostgresFixture>;
