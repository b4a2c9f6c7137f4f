using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Campaigns.Delivery;
using Campaigns.Host.Tests.Delivery;
using Campaigns.Planning;
using Campaigns.Privacy;
using Campaigns.Stages;
using Campaigns.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Campaigns.Host.Tests.Privacy;

/// <summary>
/// Consent per channel kind and purpose, and the suppression list, as every campaign applies them: planned on a real
/// PostgreSQL with the bundled plugins, dispatched to channels that record what they were given.
/// </summary>
public sealed class ConsentTests
{
    [Fact]
    public async Task Each_campaign_obeys_consent_per_kind_and_purpose_and_the_ledger_says_why()
    {
        await using var stack = await CampaignStack.CreateAsync();
        var sent = new ConcurrentBag<(string Kind, OutgoingMessage Message)>();
        stack.AddChannel("capture-email", () => new Capture("email", sent));
        stack.AddChannel("capture-sms", () => new Capture("sms", sent));
        await SetConsentAsync(stack, null, """{"email":true,"sms":true}""", contactable: true);
        var audience = await AudienceAsync(stack);
        var (optedOut, noEmail, missing, noReceipts, unsubscribed, complained, fine) =
            (audience[0], audience[1], audience[2], audience[3], audience[4], audience[5], audience[6]);
        await SetConsentAsync(stack, optedOut, """{"email":true,"email/marketing":false,"sms":true}""");
        await SetConsentAsync(stack, noEmail, """{"email":false,"sms":true}""");
        await SetConsentAsync(stack, missing, """{"sms":true}""");
        await SetConsentAsync(stack, noReceipts, """{"email":true,"email/transactional":false}""");
        await stack.Services.GetRequiredService<ISuppressionStore>().AddAsync([
            new Suppression(unsubscribed, "email", SuppressionReasons.Unsubscribed, stack.Clock.Now),
            new Suppression(complained, SuppressionReasons.AllKinds, SuppressionReasons.Complained, stack.Clock.Now)], CancellationToken.None);

        var marketing = await PlanAndSendAsync(stack, "news-email", "capture-email", purpose: null);
        var recommendations = await PlanAndSendAsync(stack, "picks-email", "capture-email", "recommendations");
        var receipts = await PlanAndSendAsync(stack, "receipt-email", "capture-email", "transactional");
        var texts = await PlanAndSendAsync(stack, "news-sms", "capture-sms", purpose: null);

        Assert.Equal("no-consent:email/marketing", marketing[optedOut]);
        Assert.Equal("sent", recommendations[optedOut]);
        Assert.Equal("sent", texts[optedOut]);
        Assert.Equal(("no-consent:email", "no-consent:email", "sent"), (marketing[noEmail], recommendations[noEmail], texts[noEmail]));
        Assert.Equal(("no-consent:email", "sent"), (marketing[missing], texts[missing]));
        // Transactional messages need no e-mail consent, but an explicit opt-out of them wins, as does a complaint;
        // an unsubscribe from marketing does not stop a receipt.
        Assert.Equal(("sent", "sent", "no-consent:email/transactional"), (receipts[noEmail], receipts[missing], receipts[noReceipts]));
        Assert.Equal(("suppressed:unsubscribed", "sent", "sent"), (marketing[unsubscribed], receipts[unsubscribed], texts[unsubscribed]));
        Assert.Equal(("suppressed:complained", "suppressed:complained", "suppressed:complained"), (marketing[complained], receipts[complained], texts[complained]));
        Assert.Equal(("sent", "sent", "sent", "sent"), (marketing[fine], recommendations[fine], receipts[fine], texts[fine]));

        // What the channels were given agrees with the ledger: nothing on e-mail for a customer without e-mail consent.
        var marketingEmails = sent.Where(s => s.Message.Key.StartsWith("news-email:", StringComparison.Ordinal)).Select(s => s.Message.CustomerId).ToHashSet();
        Assert.DoesNotContain(noEmail, marketingEmails);
        Assert.DoesNotContain(optedOut, marketingEmails);
        Assert.Contains(fine, marketingEmails);
        Assert.Contains(sent, s => s.Kind == "sms" && s.Message.CustomerId == noEmail);
        Assert.Equal(marketing.Count(r => r.Value == "sent"), marketingEmails.Count);
    }

    [Fact]
    public async Task A_customer_who_unsubscribes_after_planning_is_not_sent_the_marketing_message_but_still_gets_a_receipt()
    {
        await using var stack = await CampaignStack.CreateAsync();
        var sent = new ConcurrentBag<(string Kind, OutgoingMessage Message)>();
        stack.AddChannel("capture-email", () => new Capture("email", sent));
        await SetConsentAsync(stack, null, """{"email":true}""", contactable: true);
        var news = await SaveAsync(stack, "later-news", "capture-email", purpose: null);
        var receipt = await SaveAsync(stack, "later-receipt", "capture-email", "transactional");
        await stack.PlanAsync(news, "o1", stack.Clock.Now);
        await stack.PlanAsync(receipt, "o1", stack.Clock.Now);
        var leaving = (await stack.Ledger.ListAsync(news.Id, "o1", 10_000, CancellationToken.None)).First(r => r.State == DeliveryState.Planned).CustomerId;

        await stack.Services.GetRequiredService<ISuppressionStore>().AddAsync([new Suppression(leaving, "email", SuppressionReasons.Unsubscribed, stack.Clock.Now)], CancellationToken.None);
        stack.Clock.Now = stack.Clock.Now.AddDays(2);
        var newsStates = await SendAsync(stack, news.Id);
        var receiptStates = await SendAsync(stack, receipt.Id);

        Assert.Equal(("suppressed:unsubscribed", "sent"), (newsStates[leaving], receiptStates[leaving]));
        Assert.DoesNotContain(sent, s => s.Message.CampaignId == news.Id && s.Message.CustomerId == leaving);
        Assert.Contains(sent, s => s.Message.CampaignId == receipt.Id && s.Message.CustomerId == leaving);
        Assert.True(newsStates.Values.Count(v => v == "sent") > 20);
    }

    /// <summary>Saves the sample campaign on a capture channel with a purpose.</summary>
    private static async Task<Campaigns.Campaign.CompiledCampaign> SaveAsync(CampaignStack stack, string id, string channel, string? purpose)
    {
        var definition = JsonNode.Parse(SchedulingTests.Sample(id, timingAt: "10:00", channel: channel))!;
        if (purpose is not null) definition["purpose"] = purpose;
        var campaign = await stack.SaveAsync(definition.ToJsonString());
        Assert.Equal(purpose ?? CampaignPurposes.Marketing, campaign.Definition.Purpose);
        return campaign;
    }

    /// <summary>Plans the sample campaign on a capture channel with a purpose, sends it; the ledger state or reason per customer.</summary>
    private static async Task<Dictionary<string, string>> PlanAndSendAsync(CampaignStack stack, string id, string channel, string? purpose)
    {
        var campaign = await SaveAsync(stack, id, channel, purpose);
        await stack.PlanAsync(campaign, "o1", stack.Clock.Now, PlanMode.SendNow);
        return await SendAsync(stack, campaign.Id);
    }

    /// <summary>Dispatches what is due; the ledger state (sent) or reason per customer.</summary>
    private static async Task<Dictionary<string, string>> SendAsync(CampaignStack stack, string campaignId)
    {
        await stack.Dispatcher("host", 500).DispatchAsync(new DispatchScope(campaignId), CancellationToken.None);
        var rows = await stack.Ledger.ListAsync(campaignId, "o1", 10_000, CancellationToken.None);
        return rows.ToDictionary(r => r.CustomerId, r => r.State == DeliveryState.Sent ? "sent" : r.Reason ?? r.State.ToString());
    }

    /// <summary>Customers the sample campaign's audience holds, in id order.</summary>
    private static async Task<List<string>> AudienceAsync(CampaignStack stack)
    {
        var rows = await PlanAndSendAsync(stack, "probe", "capture-email", purpose: null);
        Assert.True(rows.Count(r => r.Value == "sent") > 20, $"only {rows.Count} in the audience");
        return [.. rows.Where(r => r.Value == "sent").Select(r => r.Key).Order(StringComparer.Ordinal).Take(7)];
    }

    /// <summary>Sets the consent JSON of one customer (or all, with addresses for e-mail and SMS).</summary>
    internal static async Task SetConsentAsync(CampaignStack stack, string? customer, string consent, bool contactable = false)
    {
        await using var connection = new NpgsqlConnection(stack.Database.ConnectionString);
        await connection.OpenAsync();
        var addresses = contactable ? ", email = 'c' || id || '@example.test', phone = '+4470000' || id" : "";
        await using var command = new NpgsqlCommand($"UPDATE customers SET consent = @consent{addresses}" + (customer is null ? "" : " WHERE id = @id"), connection);
        command.Parameters.AddWithValue("consent", consent);
        command.Parameters.AddWithValue("id", customer ?? "");
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Capture(string kind, ConcurrentBag<(string, OutgoingMessage)> sent) : IDeliveryChannel
    {
        public string Kind => kind;

        public Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
        {
            foreach (var m in messages) sent.Add((kind, m));
            return Task.FromResult<IReadOnlyList<DeliveryResult>>([.. messages.Select(m => new DeliveryResult(m.Key, DeliveryStatus.Sent))]);
        }
    }
}
