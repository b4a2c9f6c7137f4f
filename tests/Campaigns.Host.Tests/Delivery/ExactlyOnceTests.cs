using System.Collections.Concurrent;
using Campaigns.Delivery;
using Campaigns.Stages;
using Campaigns.Storage;

namespace Campaigns.Host.Tests.Delivery;

/// <summary>
/// The delivery ledger's promise on a real PostgreSQL: two dispatchers at once send every message exactly once,
/// and a host that dies mid-send leaves nothing lost and nothing doubled once its lease runs out.
/// </summary>
public sealed class ExactlyOnceTests
{
    [Fact]
    public async Task Two_dispatchers_at_once_send_every_message_exactly_once()
    {
        await using var stack = await CampaignStack.CreateAsync();
        var received = new ConcurrentDictionary<string, int>();
        stack.AddChannel("counting", () => new CountingChannel(received));
        var (campaign, plan) = await stack.PlanSampleAsync("counting");
        Assert.True(plan.Planned > 100, $"planned only {plan.Planned}");

        var a = stack.Dispatcher("host-a", batchSize: 10);
        var b = stack.Dispatcher("host-b", batchSize: 10);
        var results = await Task.WhenAll(
            Task.Run(() => a.DispatchAsync(new DispatchScope(campaign.Id), CancellationToken.None)),
            Task.Run(() => b.DispatchAsync(new DispatchScope(campaign.Id), CancellationToken.None)));

        Assert.Equal(plan.Planned, received.Count);
        Assert.All(received, kv => Assert.Equal(1, kv.Value));
        Assert.Equal(plan.Planned, results.Sum(r => r.Sent));
        Assert.All(results, r => Assert.True(r.Sent > 0, "both dispatchers should have taken a share"));
        var counts = await stack.Ledger.CountByStateAsync(campaign.Id, "once", CancellationToken.None);
        Assert.Equal(plan.Planned, counts[DeliveryState.Sent]);
        Assert.Equal(0, counts.GetValueOrDefault(DeliveryState.Planned) + counts.GetValueOrDefault(DeliveryState.Sending));
    }

    [Fact]
    public async Task A_host_that_died_mid_send_loses_nothing_and_doubles_nothing()
    {
        await using var stack = await CampaignStack.CreateAsync();
        var (campaign, plan) = await stack.PlanSampleAsync("outbox");

        // The crashed host claimed 40 rows and wrote their messages, then died before recording the outcome.
        var stuck = await stack.Ledger.ClaimDueAsync(new ClaimRequest(stack.Clock.Now, 40, "crashed-host", TimeSpan.FromMinutes(5), campaign.Id), CancellationToken.None);
        Assert.Equal(40, stuck.Count);
        var outbox = campaign.Channel.Create<IDeliveryChannel>(stack.Services.GetStageContext(campaign));
        await outbox.PrepareAsync(CancellationToken.None);
        await outbox.SendAsync([.. stuck.Select(r => new OutgoingMessage(r.Key, r.CampaignId, r.CustomerId, r.Address, r.Subject, r.Body!, r.ItemIds, r.SendAt))], CancellationToken.None);
        (outbox as IDisposable)?.Dispose();

        // After the restart, rows still leased to the dead host wait; everything else goes.
        var restarted = stack.Dispatcher("restarted-host", batchSize: 50);
        var first = await restarted.DispatchAsync(DispatchScope.All, CancellationToken.None);
        Assert.Equal(plan.Planned - 40, first.Sent);

        // Once the lease has run out, the stuck rows are found again; the outbox knows their keys and writes nothing twice.
        stack.Clock.Now += TimeSpan.FromMinutes(6);
        var second = await restarted.DispatchAsync(DispatchScope.All, CancellationToken.None);
        Assert.Equal(40, second.Sent);

        var lines = File.ReadAllLines(stack.Outbox);
        Assert.Equal(plan.Planned, lines.Length);
        Assert.Equal(lines.Length, lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("key").GetString()).Distinct().Count());
        var counts = await stack.Ledger.CountByStateAsync(campaign.Id, null, CancellationToken.None);
        Assert.Equal(plan.Planned, counts[DeliveryState.Sent]);
    }

    [Fact]
    public async Task Transient_failures_are_retried_later_and_permanent_ones_fail_with_the_reason()
    {
        await using var stack = await CampaignStack.CreateAsync();
        var attempts = new ConcurrentDictionary<string, int>();
        stack.AddChannel("flaky", () => new FlakyChannel(attempts));
        var (campaign, plan) = await stack.PlanSampleAsync("flaky");
        var dispatcher = stack.Dispatcher("host", batchSize: 100);

        var first = await dispatcher.DispatchAsync(new DispatchScope(campaign.Id), CancellationToken.None);
        Assert.True(first.Retrying > 0 && first.Failed > 0 && first.Sent > 0, first.ToString());
        // Nothing is due again until the retry delay has passed.
        Assert.Equal(0, (await dispatcher.DispatchAsync(new DispatchScope(campaign.Id), CancellationToken.None)).Claimed);

        stack.Clock.Now += TimeSpan.FromMinutes(1);
        var second = await dispatcher.DispatchAsync(new DispatchScope(campaign.Id), CancellationToken.None);
        Assert.Equal(first.Retrying, second.Sent);

        var rows = await stack.Ledger.ListAsync(campaign.Id, "once", 10_000, CancellationToken.None);
        Assert.Equal(plan.Planned - first.Failed, rows.Count(r => r.State == DeliveryState.Sent));
        Assert.All(rows.Where(r => r.State == DeliveryState.Failed), r => Assert.Equal("invalid address", r.Reason));
    }

    private sealed class CountingChannel(ConcurrentDictionary<string, int> received) : IDeliveryChannel
    {
        public string Kind => "file";

        public async Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
        {
            await Task.Delay(20, cancellationToken); // a provider round trip, so the two dispatchers interleave
            foreach (var message in messages) received.AddOrUpdate(message.Key, 1, (_, n) => n + 1);
            return [.. messages.Select(m => new DeliveryResult(m.Key, DeliveryStatus.Sent, "id-" + m.Key))];
        }
    }

    /// <summary>Customer ids ending in 1 fail for good; ending in 3 fail once, then go through.</summary>
    private sealed class FlakyChannel(ConcurrentDictionary<string, int> attempts) : IDeliveryChannel
    {
        public string Kind => "file";

        public Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DeliveryResult>>([.. messages.Select(m => attempts.AddOrUpdate(m.Key, 1, (_, n) => n + 1) switch
            {
                _ when m.CustomerId.EndsWith('1') => new DeliveryResult(m.Key, DeliveryStatus.PermanentFailure, "invalid address"),
                1 when m.CustomerId.EndsWith('3') => new DeliveryResult(m.Key, DeliveryStatus.TransientFailure, "timeout"),
                _ => new DeliveryResult(m.Key, DeliveryStatus.Sent),
            })]);
    }
}
