using System.Net;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Delivery;
using Campaigns.Host.Api;
using Campaigns.Host.Tests.Api;
using Campaigns.Storage;
using Campaigns.Triggers;
using Microsoft.Extensions.DependencyInjection;
using static Campaigns.Host.Tests.Triggers.TriggerStack;

namespace Campaigns.Host.Tests.Triggers;

/// <summary>
/// A cart-abandoned campaign driven through the public event API: what a shop's backend posts with an
/// <c>events:write</c> key becomes a planned message, and a purchase posted before the delay keeps it from the channel.
/// </summary>
public abstract class TriggerApiTests(bool postgres)
{
    private static string Posted(string customer, string item, string type, DateTimeOffset at) =>
        $$"""[{ "customerId": "{{customer}}", "type": "{{type}}", "itemId": "{{item}}", "occurredAt": "{{at:yyyy-MM-ddTHH:mm:ssZ}}" }]""";

    [Fact]
    public async Task A_cart_posted_to_the_event_api_plans_a_message_and_a_purchase_posted_before_the_delay_keeps_it_from_the_channel()
    {
        await using var site = await ApiSite.StartAsync(postgres, triggers: true);
        await TriggerShop.WriteAsync(site.Services.GetRequiredService<IImportWriter>(), Start);
        var campaign = (await site.Services.GetRequiredService<CampaignService>().SaveAsync(TriggerShop.Campaign("cart-api", """{ "on": "cart-abandoned", "delay": "PT1H" }"""), default)).Id;
        var key = await site.KeyAsync("shop", ApiScopes.EventsWrite);
        async Task PostAsync(string json)
        {
            Assert.Equal(HttpStatusCode.OK, (await site.PostAsync("api/v1/events", json, key)).StatusCode);
            await site.Services.GetRequiredService<TriggerQueue>().WaitIdleAsync(default);
        }
        async Task<Dictionary<string, LedgerEntry>> RowsAsync() =>
            (await site.Services.GetRequiredService<ILedgerStore>().ListAsync(campaign, null, 100, default)).ToDictionary(r => r.CustomerId);

        await PostAsync(Posted("alice", "mug", "cart_add", Start));
        await PostAsync(Posted("bob", "kettle", "cart_add", Start));
        var planned = (await RowsAsync())["alice"];
        Assert.Equal((DeliveryState.Planned, Start.AddHours(1), "mug"), (planned.State, planned.SendAt, planned.ItemIds[0]));
        Assert.StartsWith("Enamel mug; ", planned.Body, StringComparison.Ordinal);

        site.Clock.Now = Start.AddMinutes(20);
        await PostAsync(Posted("alice", "spoon", "purchase", site.Clock.Now));
        site.Clock.Now = Start.AddHours(2);
        var dispatched = await site.Services.GetRequiredService<DeliveryDispatcher>().DispatchAsync(new DispatchScope(null, null), default);

        var rows = await RowsAsync();
        Assert.Equal((DeliveryState.Suppressed, "cancelled:purchase"), (rows["alice"].State, rows["alice"].Reason));
        Assert.Equal((DeliveryState.Sent, 1), (rows["bob"].State, dispatched.Sent));
        var outbox = await File.ReadAllTextAsync(Path.Combine(site.Folder, "outbox.jsonl"));
        Assert.Contains(rows["bob"].Key, outbox, StringComparison.Ordinal);
        Assert.DoesNotContain(rows["alice"].Key, outbox, StringComparison.Ordinal);
    }
}

/// <summary>The event-API trigger test on the embedded SQLite database.</summary>
public sealed class SqliteTriggerApiTests() : TriggerApiTests(postgres: false);

/// <summary>The event-API trigger test on PostgreSQL.</summary>
public sealed class PostgresTriggerApiTests() : TriggerApiTests(postgres: true);
