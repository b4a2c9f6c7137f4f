using Campaigns.Data;
using Campaigns.Ingest;
using Campaigns.Storage;
using static Campaigns.Host.Tests.Triggers.TriggerStack;

namespace Campaigns.Host.Tests.Triggers;

/// <summary>
/// Trigger work accepted but not planned (its process died, or its batch failed) is planned by a sweep, once: the events
/// and catalog changes are stored, the in-memory queue is not, and a sweep replays from the marks of the host that
/// accepted the work: its own after a failure, a dead host's adopted by any living one.
/// </summary>
public abstract class TriggerDurabilityTests(bool postgres)
{
    private const string Cart = """{ "on": "cart-abandoned", "delay": "PT1H", "cooldownHours": 0 }""";

    [Fact]
    public async Task Carts_accepted_before_a_crash_are_planned_once_after_the_restart()
    {
        await using var first = await CreateAsync(postgres);
        var campaign = await first.SaveAsync(TriggerShop.Campaign("cart", Cart));
        await first.PublishAsync(Event("alice", "mug", InteractionTypes.CartAdd, Start));
        // The process dies: these writes committed (the events are stored) but their trigger work never got planned.
        await first.CrashWorkerAsync();
        first.Clock.Now = Start.AddMinutes(8);
        await first.StoreAsync(Event("bob", "kettle", InteractionTypes.CartAdd, first.Clock.Now), Event("carol", "mug", InteractionTypes.CartAdd, first.Clock.Now));
        await first.StoreAsync(Event("bob", "kettle", InteractionTypes.CartAdd, first.Clock.Now)); // the client retried with a new event id
        await first.StoreAsync(Event("dave", "tray", InteractionTypes.CartAdd, first.Clock.Now), Event("dave", "tray", InteractionTypes.Purchase, first.Clock.Now.AddMinutes(1)));
        Assert.Single(await first.RowsAsync(campaign.Id));

        first.Clock.Now = Start.AddMinutes(10);
        await using var restarted = await first.AnotherHostAsync();
        await restarted.CaughtUp;
        // A second start re-reads the same minutes (the overlap before its mark) and must plan nothing twice.
        await using var again = await first.AnotherHostAsync();
        await again.CaughtUp;

        var rows = (await first.RowsAsync(campaign.Id)).ToDictionary(r => r.CustomerId);
        Assert.Equal(["alice", "bob", "carol", "dave"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((DeliveryState.Planned, Start.AddMinutes(68), "kettle"), (rows["bob"].State, rows["bob"].SendAt, rows["bob"].TriggerItemId));
        Assert.Equal((DeliveryState.Planned, "mug"), (rows["carol"].State, rows["carol"].ItemIds[0]));
        // The purchase stored after dave's cart is replayed too: his message is never sent.
        Assert.Equal((DeliveryState.Suppressed, "cancelled:purchase"), (rows["dave"].State, rows["dave"].Reason));
        Assert.Equal(Start.AddHours(1), rows["alice"].SendAt);
    }

    [Fact]
    public async Task A_new_campaign_does_not_message_carts_made_before_it_existed()
    {
        await using var first = await CreateAsync(postgres);
        await first.StoreAsync(Event("bob", "kettle", InteractionTypes.CartAdd, Start.AddMinutes(-30)));
        var campaign = await first.SaveAsync(TriggerShop.Campaign("cart", Cart));

        await using var restarted = await first.AnotherHostAsync();
        await restarted.CaughtUp;
        await restarted.PublishAsync(Event("alice", "mug", InteractionTypes.CartAdd, Start));

        var row = Assert.Single(await first.RowsAsync(campaign.Id));
        Assert.Equal("alice", row.CustomerId);
    }

    [Fact]
    public async Task A_host_that_dies_with_queued_carts_after_the_other_moved_on_has_them_planned_once_by_the_living_host()
    {
        await using var dying = await CreateAsync(postgres);
        var campaign = await dying.SaveAsync(TriggerShop.Campaign("cart", Cart));
        await using var living = await dying.AnotherHostAsync();
        await living.CaughtUp;
        await dying.SweepAsync(); // its marks now name the campaign
        await dying.CrashWorkerAsync();

        dying.Clock.Now = Start.AddMinutes(1);
        // Accepted and queued by the dying host's API, never taken: its worker is gone.
        await dying.QueueAsync(Event("alice", "mug", InteractionTypes.CartAdd, Start.AddMinutes(1)));
        // A phone that was offline sends a cart made yesterday evening through the dying host too.
        await dying.QueueAsync(Event("erin", "kettle", InteractionTypes.CartAdd, Start.AddHours(-15)));
        await living.PublishAsync(Event("bob", "kettle", InteractionTypes.CartAdd, Start.AddMinutes(1)));
        dying.Clock.Now = Start.AddMinutes(2);
        await living.PublishAsync(Event("carol", "mug", InteractionTypes.CartAdd, Start.AddMinutes(2)));
        await living.SweepAsync(); // the living host's mark moves on past the dying host's work, which is not given up yet
        Assert.Equal(["bob", "carol"], (await dying.RowsAsync(campaign.Id)).Select(r => r.CustomerId).Order(StringComparer.Ordinal));

        dying.Clock.Now = Start.AddMinutes(4); // the dying host's last heartbeat is more than 3 minutes old
        var swept = await living.SweepAsync();
        await living.SweepAsync();
        await using var restarted = await dying.AnotherHostAsync();
        await restarted.CaughtUp;
        await restarted.PublishAsync(Event("alice", "mug", InteractionTypes.CartAdd, Start.AddMinutes(1))); // the client retried
        await restarted.SweepAsync();

        Assert.Equal(2L, swept.Planned);
        var rows = (await dying.RowsAsync(campaign.Id)).ToDictionary(r => r.CustomerId);
        Assert.Equal(["alice", "bob", "carol", "erin"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((DeliveryState.Planned, Start.AddMinutes(61)), (rows["alice"].State, rows["alice"].SendAt));
        // Due 14 hours ago, within maxLateHours (24): sent now rather than never.
        Assert.Equal((DeliveryState.Planned, Start.AddMinutes(4), "kettle"), (rows["erin"].State, rows["erin"].SendAt, rows["erin"].TriggerItemId));
    }

    [Fact]
    public async Task A_back_in_stock_change_committed_while_the_worker_is_down_is_planned_by_the_next_start()
    {
        await using var first = await CreateAsync(postgres);
        var campaign = await first.SaveAsync(TriggerShop.Campaign("restock", """{ "on": "back-in-stock", "lookbackDays": 30 }"""));
        await first.StoreAsync(Event("alice", "teapot", InteractionTypes.View, Start.AddDays(-3)), Event("bob", "teapot", InteractionTypes.CartAdd, Start.AddDays(-10)));
        await first.SweepAsync();
        await first.CrashWorkerAsync();
        first.Clock.Now = Start.AddMinutes(2);
        // The stock feed's write commits; the process dies before its trigger work is queued.
        await first.PatchItemAsync(new ItemPatch("teapot") { Stock = new Sent<int?>(5) }, publish: false);

        first.Clock.Now = Start.AddMinutes(10);
        await using var restarted = await first.AnotherHostAsync();
        await restarted.CaughtUp;
        await using var again = await first.AnotherHostAsync();
        await again.CaughtUp;
        await restarted.SweepAsync();

        var rows = await first.RowsAsync(campaign.Id);
        Assert.Equal(["alice", "bob"], rows.Select(r => r.CustomerId).Order(StringComparer.Ordinal));
        // The moment is the change's commit: the message is due then (now, as that is past).
        Assert.All(rows, r => Assert.Equal((DeliveryState.Planned, "teapot", Start.AddMinutes(10)), (r.State, r.ItemIds[0], r.SendAt)));
    }

    [Fact]
    public async Task A_live_price_drop_is_not_planned_again_by_a_replay_of_its_change()
    {
        await using var first = await CreateAsync(postgres);
        var campaign = await first.SaveAsync(TriggerShop.Campaign("cheaper", """{ "on": "price-drop", "minDropPercent": 10, "lookbackDays": 14 }"""));
        await first.StoreAsync(Event("alice", "kettle", InteractionTypes.CartAdd, Start.AddDays(-2)));
        await first.SweepAsync();
        first.Clock.Now = Start.AddMinutes(1);
        await first.PatchItemAsync(new ItemPatch("kettle") { Price = 40m });
        await first.CrashWorkerAsync();

        first.Clock.Now = Start.AddMinutes(10);
        await using var restarted = await first.AnotherHostAsync();
        await restarted.CaughtUp;

        var row = Assert.Single(await first.RowsAsync(campaign.Id));
        Assert.Equal(("alice", Start.AddMinutes(1)), (row.CustomerId, row.SendAt));
    }

    [Fact]
    public async Task A_batch_that_failed_because_the_database_was_unreachable_is_planned_by_the_next_sweep()
    {
        await using var stack = await CreateAsync(postgres);
        var campaign = await stack.SaveAsync(TriggerShop.Campaign("cart", Cart));
        await stack.TakeLedgerAwayAsync();
        await stack.PublishAsync(Event("alice", "mug", InteractionTypes.CartAdd, Start)); // fails: no ledger
        stack.Clock.Now = Start.AddMinutes(1);
        await stack.SweepAsync(); // still away: the replay fails too and stays due
        await stack.BringLedgerBackAsync();
        Assert.Empty(await stack.RowsAsync(campaign.Id));

        stack.Clock.Now = Start.AddMinutes(2);
        var swept = await stack.SweepAsync();
        await stack.PublishAsync(Event("bob", "kettle", InteractionTypes.CartAdd, Start.AddMinutes(2)));
        await stack.PublishAsync(Event("alice", "mug", InteractionTypes.CartAdd, Start)); // the client retried
        var nothingLeft = await stack.SweepAsync();

        Assert.Equal((1L, 0L), (swept.Planned, nothingLeft.Planned));
        var rows = (await stack.RowsAsync(campaign.Id)).ToDictionary(r => r.CustomerId);
        Assert.Equal(["alice", "bob"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((DeliveryState.Planned, Start.AddHours(1)), (rows["alice"].State, rows["alice"].SendAt));
    }
}

/// <summary>The durability tests on the embedded SQLite database.</summary>
public sealed class SqliteTriggerDurabilityTests() : TriggerDurabilityTests(postgres: false);

/// <summary>The durability tests on PostgreSQL.</summary>
public sealed class PostgresTriggerDurabilityTests() : TriggerDurabilityTests(postgres: true);
