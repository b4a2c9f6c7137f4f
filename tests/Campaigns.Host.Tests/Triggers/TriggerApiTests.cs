using System.Net;
using Campaigns.Storage;
using static Campaigns.Host.Tests.Triggers.TriggerStack;

namespace Campaigns.Host.Tests.Triggers;

/// <summary>
/// A cart-abandoned campaign driven through the public event API: what a shop's backend posts with an
/// <c>events:write</c> key becomes a planned message, and a purchase posted before the delay keeps it from the channel.
/// </summary>
public abstract class TriggerApiTests(bool postgres)
{
    private static string Event(string customer, string item, string type, DateTimeOffset at) =>
        $$"""[{ "customerId": "{{customer}}", "type": "{{type}}", "itemId": "{{item}}", "occurredAt": "{{at:yyyy-MM-ddTHH:mm:ssZ}}" }]""";

    [Fact]
    public async Task A_cart_posted_to_the_event_api_plans_a_message_and_a_purchase_posted_before_the_delay_keeps_it_from_the_channel()
    {
        await using var site = await TriggerApiSite.StartAsync(postgres);
        var campaign = await site.SaveAsync(TriggerShop.Campaign("cart-api", """{ "on": "cart-abandoned", "delay": "PT1H" }"""));

        Assert.Equal(HttpStatusCode.OK, (await site.PostEventsAsync(Event("alice", "mug", "cart_add", Start))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.PostEventsAsync(Event("bob", "kettle", "cart_add", Start))).StatusCode);
        var planned = (await site.RowsAsync(campaign))["alice"];
        Assert.Equal((DeliveryState.Planned, Start.AddHours(1), "mug"), (planned.State, planned.SendAt, planned.ItemIds[0]));
        Assert.StartsWith("Enamel mug; ", planned.Body, StringComparison.Ordinal);

        site.Clock.Now = Start.AddMinutes(20);
        Assert.Equal(HttpStatusCode.OK, (await site.PostEventsAsync(Event("alice", "spoon", "purchase", site.Clock.Now))).StatusCode);
        site.Clock.Now = Start.AddHours(2);
        var dispatched = await site.DispatchAsync();

        var rows = await site.RowsAsync(campaign);
        Assert.Equal((DeliveryState.Suppressed, "cancelled:purchase"), (rows["alice"].State, rows["alice"].Reason));
        Assert.Equal((DeliveryState.Sent, 1), (rows["bob"].State, dispatched.Sent));
        var outbox = await File.ReadAllTextAsync(site.Outbox);
        Assert.Contains(rows["bob"].Key, outbox, StringComparison.Ordinal);
        Assert.DoesNotContain(rows["alice"].Key, outbox, StringComparison.Ordinal);
    }
}

/// <summary>The event-API trigger test on the embedded SQLite database.</summary>
public sealed class SqliteTriggerApiTests() : TriggerApiTests(postgres: false);

/// <summary>The event-API trigger test on PostgreSQL.</summary>
public sealed class PostgresTriggerApiTests() : TriggerApiTests(postgres: true);
