using System.Text.Json;
using Campaigns.Delivery;
using Campaigns.Host.Tests.Support;
using Campaigns.Storage;
using Npgsql;

namespace Campaigns.Host.Tests.Delivery;

/// <summary>
/// Swapping a campaign's channel is configuration: the sample campaign with its channel switched to the bundled
/// webhook or SMTP plugin delivers every planned message once to a real HTTP endpoint or SMTP server on loopback.
/// </summary>
public sealed class ChannelSwapTests
{
    [Fact]
    public async Task The_sample_campaign_switched_to_the_webhook_channel_posts_each_message_once()
    {
        await using var stack = await CampaignStack.CreateAsync();
        await using var sink = await HttpSink.StartAsync();
        await GrantConsentAsync(stack, "webhook");
        var json = SchedulingTests.Sample("to-webhook", timingAt: "10:00");
        var definition = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        definition["channel"] = JsonSerializer.SerializeToElement(new
        {
            key = "webhook",
            options = new { url = new Uri(sink.Url, "partner/messages").ToString(), secret = "0123456789abcdef0123", concurrency = 4 },
        });
        var campaign = await stack.SaveAsync(JsonSerializer.Serialize(definition));

        var plan = await stack.PlanAsync(campaign, "o1", stack.Clock.Now, Campaigns.Planning.PlanMode.SendNow);
        var first = await stack.Dispatcher("host", batchSize: 100).DispatchAsync(new DispatchScope(campaign.Id), CancellationToken.None);
        var again = await stack.Dispatcher("host", batchSize: 100).DispatchAsync(new DispatchScope(campaign.Id), CancellationToken.None);

        Assert.True(plan.Planned > 100, $"planned {plan.Planned}");
        Assert.Equal((plan.Planned, 0L), (first.Sent, again.Claimed));
        var keys = sink.Requests.Select(r => r.Headers["Idempotency-Key"]).ToList();
        Assert.Equal(plan.Planned, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(sink.Requests, r => Assert.Equal("/partner/messages", r.Path));
        var rows = await stack.Ledger.ListAsync(campaign.Id, "o1", 10_000, CancellationToken.None);
        Assert.Equal(plan.Planned, rows.Count(r => r.State == DeliveryState.Sent));
    }

    [Fact]
    public async Task The_sample_campaign_switched_to_smtp_mails_each_customer_once_at_their_address()
    {
        await using var stack = await CampaignStack.CreateAsync();
        await using var server = SmtpSink.Start();
        await GrantConsentAsync(stack, "email", setEmails: true);
        var bouncer = await BounceOneAddressAsync(stack);
        var definition = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(SchedulingTests.Sample("to-smtp", timingAt: "10:00"))!;
        definition["channel"] = JsonSerializer.SerializeToElement(new
        {
            key = "smtp",
            options = new { host = "127.0.0.1", port = server.Port, security = "none", from = "Shop <news@shop.example>", unsubscribeUrl = "https://shop.example/u/{key}" },
        });
        var campaign = await stack.SaveAsync(JsonSerializer.Serialize(definition));

        var plan = await stack.PlanAsync(campaign, "o1", stack.Clock.Now, Campaigns.Planning.PlanMode.SendNow);
        var sent = await stack.Dispatcher("host", batchSize: 100).DispatchAsync(new DispatchScope(campaign.Id), CancellationToken.None);

        Assert.True(plan.Planned > 100, $"planned {plan.Planned}");
        Assert.Equal((plan.Planned - 1, 1L), (sent.Sent, sent.Failed));
        var mails = server.Received.ToList();
        Assert.Equal(plan.Planned - 1, mails.Count);
        Assert.Equal(mails.Count, mails.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        Assert.All(mails, m => Assert.EndsWith("@example.test", m.To.Mailboxes.Single().Address, StringComparison.Ordinal));
        Assert.All(mails, m => Assert.Contains("bestsellers", m.Subject, StringComparison.OrdinalIgnoreCase));

        // The hard bounce failed its row with the server's reply and listed the customer: the next campaign skips them.
        var rows = await stack.Ledger.ListAsync(campaign.Id, "o1", 10_000, CancellationToken.None);
        Assert.StartsWith("SMTP 550", Assert.Single(rows, r => r.State == DeliveryState.Failed).Reason, StringComparison.Ordinal);
        definition["id"] = JsonSerializer.SerializeToElement("to-smtp-again");
        var next = await stack.SaveAsync(JsonSerializer.Serialize(definition));
        var nextPlan = await stack.PlanAsync(next, "o1", stack.Clock.Now, Campaigns.Planning.PlanMode.SendNow);
        Assert.Equal(1, nextPlan.Suppressed.GetValueOrDefault("suppressed:bounced"));
        var skipped = await stack.Ledger.ListAsync(next.Id, "o1", 10_000, CancellationToken.None);
        Assert.Equal(bouncer, Assert.Single(skipped, r => r.Reason == "suppressed:bounced").CustomerId);
    }

    /// <summary>Gives the most recently active customer (so one in the audience) an address the SMTP sink refuses with 550; returns their id.</summary>
    private static async Task<string> BounceOneAddressAsync(CampaignStack stack)
    {
        await using var connection = new NpgsqlConnection(stack.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE customers SET email = 'bounce-' || id || '@example.test' WHERE id = (SELECT customer_id FROM events ORDER BY occurred_at DESC, event_id LIMIT 1) RETURNING id", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The Online Retail sample records no consent; the shop would grant it through its own data.</summary>
    internal static async Task GrantConsentAsync(CampaignStack stack, string kind, bool setEmails = false)
    {
        await using var connection = new NpgsqlConnection(stack.Database.ConnectionString);
        await connection.OpenAsync();
        var emails = setEmails ? ", email = 'customer-' || id || '@example.test'" : "";
        await using var command = new NpgsqlCommand($$"""UPDATE customers SET consent = '{"file":true,"{{kind}}":true}'{{emails}}""", connection);
        await command.ExecuteNonQueryAsync();
    }
}
