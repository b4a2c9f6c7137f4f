using Campaigns.Data;
using Campaigns.Storage;
using static Campaigns.Host.Tests.Triggers.TriggerStack;

namespace Campaigns.Host.Tests.Triggers;

/// <summary>
/// Trigger work accepted but not planned when its process died is planned by the next start's catch-up, once: the
/// events are stored, the in-memory queue is not, and the catch-up re-matches the events from the campaign's watermark.
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
}

/// <summary>The durability tests on the embedded SQLite database.</summary>
public sealed class SqliteTriggerDurabilityTests() : TriggerDurabilityTests(postgres: false);

/// <summary>The durability tests on PostgreSQL.</summary>
public sealed class PostgresTriggerDurabilityTests() : TriggerDurabilityTests(postgres: true);
