using Campaigns.Data;
using Campaigns.Host.Triggers;
using Campaigns.Scheduling;
using Campaigns.Storage;
using Microsoft.Extensions.DependencyInjection;
using static Campaigns.Host.Tests.Triggers.TriggerStack;

namespace Campaigns.Host.Tests.Triggers;

/// <summary>
/// Trigger campaigns end to end on a real database with the bundled plugins: events stored and published as the event
/// API does, matched by the observer, planned by the worker through the planner's consent, suppression, recommender,
/// scheduler and ledger, cancelled by purchases and sent (or not) by the real dispatcher and outbox channel.
/// </summary>
public abstract class TriggerTests(bool postgres)
{
    private const string Cart = """{ "on": "cart-abandoned", "delay": "PT1H" }""";

    [Fact]
    public async Task An_abandoned_cart_plans_one_message_at_the_cart_time_plus_the_delay_naming_the_carted_item()
    {
        await using var stack = await CreateAsync(postgres);
        var campaign = await stack.SaveAsync(TriggerShop.Campaign("cart", Cart));

        await stack.PublishAsync(Event("alice", "mug", InteractionTypes.CartAdd, Start));

        var row = Assert.Single(await stack.RowsAsync(campaign.Id));
        Assert.Equal(DeliveryState.Planned, row.State);
        Assert.Equal("cart:cart-abandoned:mug:20261130T090000000Z:alice:main", row.Key);
        Assert.Equal(Start.AddHours(1), row.SendAt);
        Assert.Null(row.Reason);
        Assert.Equal("mug", row.ItemIds[0]);
        Assert.Equal("mug", row.TriggerItemId);
        Assert.StartsWith("Enamel mug; ", row.Body, StringComparison.Ordinal);
        Assert.Equal("About Enamel mug", row.Subject);
        Assert.Contains("spoon", row.ItemIds);
        Assert.Contains("\"strategy\":\"fixed-local-time\"", row.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_purchase_before_the_delay_cancels_the_message_and_the_dispatcher_never_sends_it()
    {
        await using var stack = await CreateAsync(postgres);
        var campaign = await stack.SaveAsync(TriggerShop.Campaign("cart", Cart));
        await stack.PublishAsync(Event("alice", "mug", InteractionTypes.CartAdd, Start), Event("bob", "kettle", InteractionTypes.CartAdd, Start));

        stack.Clock.Now = Start.AddMinutes(20);
        await stack.PublishAsync(Event("alice", "spoon", InteractionTypes.Purchase, stack.Clock.Now));
        stack.Clock.Now = Start.AddHours(2);
        var sent = await stack.DispatchAsync();

        var rows = (await stack.RowsAsync(campaign.Id)).ToDictionary(r => r.CustomerId);
        Assert.Equal((DeliveryState.Suppressed, "cancelled:purchase"), (rows["alice"].State, rows["alice"].Reason));
        Assert.Equal(DeliveryState.Sent, rows["bob"].State);
        Assert.Equal(1, sent.Sent);
        var outbox = await File.ReadAllTextAsync(stack.Outbox);
        Assert.Contains(rows["bob"].Key, outbox, StringComparison.Ordinal);
        Assert.DoesNotContain(rows["alice"].Key, outbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_purchase_stored_before_the_cart_was_planned_leaves_nothing_to_send()
    {
        await using var stack = await CreateAsync(postgres);
        var campaign = await stack.SaveAsync(TriggerShop.Campaign("cart", Cart));
        // The purchase's write committed (on another host, say) before this host planned the cart.
        await stack.StoreAsync(Event("alice", "mug", InteractionTypes.Purchase, Start.AddMinutes(5)));

        await stack.PublishAsync(Event("alice", "mug", InteractionTypes.CartAdd, Start));

        var row = Assert.Single(await stack.RowsAsync(campaign.Id));
        Assert.Equal((DeliveryState.Suppressed, "cancelled:purchase"), (row.State, row.Reason));
        stack.Clock.Now = Start.AddHours(2);
        Assert.Equal(0, (await stack.DispatchAsync()).Claimed);
    }

    [Fact]
    public async Task The_same_cart_sent_twice_or_seen_by_two_hosts_plans_one_message()
    {
        await using var stack = await CreateAsync(postgres);
        await using var other = await stack.AnotherHostAsync();
        var campaign = await stack.SaveAsync(TriggerShop.Campaign("cart", Cart));
        var cart = Event("alice", "mug", InteractionTypes.CartAdd, Start);

        await stack.PublishAsync(cart);
        await stack.PublishAsync(cart); // a client retry: a new event id, the same event
        await Task.WhenAll(stack.PublishAsync(new Events.AcceptedBatch([cart], [], [], Start)), other.PublishAsync(new Events.AcceptedBatch([cart], [], [], Start)));

        var row = Assert.Single(await stack.RowsAsync(campaign.Id));
        Assert.Equal(DeliveryState.Planned, row.State);
    }

    [Fact]
    public async Task A_second_cart_within_the_cooldown_is_suppressed_and_one_after_it_plans_again()
    {
        await using var stack = await CreateAsync(postgres);
        var campaign = await stack.SaveAsync(TriggerShop.Campaign("cart", """{ "on": "cart-abandoned", "delay": 1, "cooldownHours": 24 }"""));

        await stack.PublishAsync(Event("alice", "mug", InteractionTypes.CartAdd, Start));
        stack.Clock.Now = Start.AddMinutes(30);
        await stack.PublishAsync(Event("alice", "kettle", InteractionTypes.CartAdd, stack.Clock.Now));
        stack.Clock.Now = Start.AddHours(26);
        await stack.PublishAsync(Event("alice", "teapot", InteractionTypes.CartAdd, stack.Clock.Now));

        var rows = (await stack.RowsAsync(campaign.Id)).ToDictionary(r => r.TriggerItemId!);
        Assert.Equal(DeliveryState.Planned, rows["mug"].State);
        Assert.Equal((DeliveryState.Suppressed, "cooldown:24h"), (rows["kettle"].State, rows["kettle"].Reason));
        Assert.Equal(DeliveryState.Planned, rows["teapot"].State);
    }

    [Fact]
    public async Task Back_in_stock_reaches_only_customers_who_viewed_or_carted_the_item_within_the_lookback()
    {
        await using var stack = await CreateAsync(postgres);
        var campaign = await stack.SaveAsync(TriggerShop.Campaign("restock", """{ "on": "back-in-stock", "lookbackDays": 30 }"""));
        await stack.StoreAsync(
            Event("alice", "teapot", InteractionTypes.View, Start.AddDays(-3)),
            Event("bob", "teapot", InteractionTypes.CartAdd, Start.AddDays(-10)),
            Event("carol", "teapot", InteractionTypes.View, Start.AddDays(-40)),
            Event("dave", "kettle", InteractionTypes.View, Start.AddDays(-1)));

        await stack.ChangeItemAsync(new CatalogItem("teapot", "Cast-iron teapot") { Price = 45m, Stock = 5 }, 45m, 0);
        await stack.ChangeItemAsync(new CatalogItem("kettle", "Copper kettle") { Price = 50m, Stock = 9 }, 50m, 8); // more stock, never out

        var rows = await stack.RowsAsync(campaign.Id);
        Assert.Equal(["alice", "bob"], rows.Select(r => r.CustomerId).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal((DeliveryState.Planned, "teapot", Start), (r.State, r.ItemIds[0], r.SendAt)));
    }

    [Fact]
    public async Task A_price_drop_reaches_who_looked_at_the_item_only_when_it_drops_enough()
    {
        await using var stack = await CreateAsync(postgres);
        var campaign = await stack.SaveAsync(TriggerShop.Campaign("cheaper", """{ "on": "price-drop", "minDropPercent": 10, "lookbackDays": 14 }"""));
        await stack.StoreAsync(Event("alice", "kettle", InteractionTypes.CartAdd, Start.AddDays(-2)), Event("bob", "kettle", InteractionTypes.View, Start.AddDays(-20)));

        await stack.ChangeItemAsync(new CatalogItem("kettle", "Copper kettle") { Price = 48m, Stock = 8 }, 50m, 8);
        Assert.Empty(await stack.RowsAsync(campaign.Id));
        stack.Clock.Now = Start.AddHours(1);
        await stack.ChangeItemAsync(new CatalogItem("kettle", "Copper kettle") { Price = 40m, Stock = 8 }, 48m, 8);

        var row = Assert.Single(await stack.RowsAsync(campaign.Id));
        Assert.Equal(("alice", DeliveryState.Planned, "kettle"), (row.CustomerId, row.State, row.ItemIds[0]));
    }

    [Fact]
    public async Task A_purchase_plans_a_cross_sell_after_the_delay_without_the_item_bought()
    {
        await using var stack = await CreateAsync(postgres);
        var campaign = await stack.SaveAsync(TriggerShop.Campaign("thanks", """{ "on": "post-purchase", "delay": "P3D" }"""));

        await stack.PublishAsync(Event("alice", "spoon", InteractionTypes.Purchase, Start));

        var row = Assert.Single(await stack.RowsAsync(campaign.Id));
        Assert.Equal((DeliveryState.Planned, Start.AddDays(3), "spoon"), (row.State, row.SendAt, row.TriggerItemId));
        Assert.DoesNotContain("spoon", row.ItemIds);
        Assert.NotEmpty(row.ItemIds);
    }

    [Fact]
    public async Task The_replenishment_scan_plans_customers_whose_learned_interval_ran_out_once()
    {
        await using var stack = await CreateAsync(postgres);
        var campaign = await stack.SaveAsync(TriggerShop.Campaign("refill", """{ "on": "replenishment", "replenishment": { "minRepeats": 2 } }"""));
        // Coffee is rebought every 30 days: carol's last bag was 30.5 days ago, alice's and bob's are recent.
        await stack.StoreAsync(
            Event("alice", "coffee", InteractionTypes.Purchase, Start.AddDays(-70)), Event("alice", "coffee", InteractionTypes.Purchase, Start.AddDays(-40)),
            Event("alice", "coffee", InteractionTypes.Purchase, Start.AddDays(-10)), Event("bob", "coffee", InteractionTypes.Purchase, Start.AddDays(-5)),
            Event("carol", "coffee", InteractionTypes.Purchase, Start.AddDays(-60.5)), Event("carol", "coffee", InteractionTypes.Purchase, Start.AddDays(-30.5)));

        var job = stack.Services.GetRequiredService<ReplenishmentJob>();
        await job.RunAsync(campaign.Id, CancellationToken.None);
        var again = await job.RunAsync(campaign.Id, CancellationToken.None);

        var row = Assert.Single(await stack.RowsAsync(campaign.Id));
        Assert.Equal(("carol", DeliveryState.Planned, "coffee", Start), (row.CustomerId, row.State, row.ItemIds[0], row.SendAt));
        Assert.Equal(0, again.Planned);
    }

    [Fact]
    public async Task Triggered_messages_respect_consent_the_suppression_list_quiet_hours_and_frequency_caps()
    {
        var policy = new DeliveryPolicy
        {
            QuietHours = new LocalTimeRange(new TimeOnly(21, 0), new TimeOnly(8, 0)),
            FrequencyCaps = new Dictionary<string, IReadOnlyList<FrequencyCap>> { ["file"] = [new FrequencyCap(1, CapPeriod.Day)] },
        };
        await using var stack = await CreateAsync(postgres, policy);
        var campaign = await stack.SaveAsync(TriggerShop.Campaign("cart", Cart));
        await stack.Services.GetRequiredService<ISuppressionStore>().AddAsync([new Suppression("bob", "file", "bounced", Start)], CancellationToken.None);
        // Carol already has a message today from a scheduled campaign.
        await stack.Ledger.InsertAsync([new LedgerEntry("news:o1:carol:main", "news", 1, "o1", "carol", "main", DeliveryState.Planned, null, Start.AddHours(3), Start.AddHours(3),
            null, null, "news", []) { ChannelKind = "file", LocalDay = DateOnly.FromDateTime(Start.UtcDateTime).DayNumber }], CancellationToken.None);

        stack.Clock.Now = Start.AddHours(11); // 20:00 in London: carts due at 21:00, in quiet hours
        var at = stack.Clock.Now;
        await stack.PublishAsync(Event("nadia", "mug", InteractionTypes.CartAdd, at), Event("bob", "mug", InteractionTypes.CartAdd, at),
            Event("alice", "mug", InteractionTypes.CartAdd, at));

        var rows = (await stack.RowsAsync(campaign.Id)).ToDictionary(r => r.CustomerId);
        Assert.Equal((DeliveryState.Suppressed, "no-consent:file"), (rows["nadia"].State, rows["nadia"].Reason));
        Assert.Equal((DeliveryState.Suppressed, "suppressed:bounced"), (rows["bob"].State, rows["bob"].Reason));
        Assert.Equal((DeliveryState.Planned, "moved:quiet-hours", Start.AddDays(1).AddHours(-1)), (rows["alice"].State, rows["alice"].Reason, rows["alice"].SendAt));

        // Carol's cart at 09:00 is due at 10:00, but today's message is her one: moved to tomorrow (08:00, the end of quiet hours).
        stack.Clock.Now = Start;
        await stack.PublishAsync(Event("carol", "kettle", InteractionTypes.CartAdd, Start));
        var carol = (await stack.RowsAsync(campaign.Id)).Single(r => r.CustomerId == "carol");
        Assert.Equal((DeliveryState.Planned, Start.AddDays(1).AddHours(-1)), (carol.State, carol.SendAt));
        Assert.StartsWith("moved:", carol.Reason, StringComparison.Ordinal);
        Assert.Contains("cap:file:day", carol.Reason, StringComparison.Ordinal);
    }
}

/// <summary>The trigger tests on the embedded SQLite database.</summary>
public sealed class SqliteTriggerTests() : TriggerTests(postgres: false);

/// <summary>The trigger tests on PostgreSQL.</summary>
public sealed class PostgresTriggerTests() : TriggerTests(postgres: true);
