using System.Collections.Concurrent;
using Campaigns.Delivery;
using Campaigns.Scheduling;
using Campaigns.Stages;
using Campaigns.Storage;

namespace Campaigns.Host.Tests.Delivery;

/// <summary>
/// Provider rate limits on a real PostgreSQL, in real time: two hosts dispatching at once never exceed the provider's
/// rate in any one-second window as the provider sees it, and a 429 with Retry-After holds the provider back.
/// </summary>
public sealed class ProviderRateTests
{
    private const double Rate = 40;

    [Fact]
    public async Task Two_hosts_together_never_send_a_provider_more_than_its_rate_in_any_second()
    {
        var policy = new DeliveryPolicy { Providers = new Dictionary<string, ProviderLimit> { ["sink"] = new(Rate) } };
        await using var hostA = await CampaignStack.CreateAsync(policy, TimeProvider.System);
        await using var hostB = hostA.AnotherHost();
        var sink = new Sink();
        hostA.AddChannel("sink", () => new SinkChannel(sink, null));
        hostB.AddChannel("sink", () => new SinkChannel(sink, null));
        var (campaign, plan) = await hostA.PlanSampleAsync("sink");

        var results = await Task.WhenAll(
            Task.Run(() => hostA.Dispatcher("host-a", batchSize: 50).DispatchAsync(new DispatchScope(campaign.Id), CancellationToken.None)),
            Task.Run(() => hostB.Dispatcher("host-b", batchSize: 50).DispatchAsync(new DispatchScope(campaign.Id), CancellationToken.None)));

        Assert.Equal(plan.Planned, results.Sum(r => r.Sent));
        Assert.Equal(plan.Planned, sink.Keys.Distinct().Count());
        Assert.Equal(plan.Planned, sink.Keys.Count);
        Assert.All(results, r => Assert.True(r.Sent > 0, "both hosts should have sent a share"));
        Assert.True(sink.BusiestSecond() <= Rate, $"{sink.BusiestSecond()} messages within one second, limit {Rate}");
        // Paced, not starved: the sends are spread over about planned / rate seconds.
        Assert.True(sink.Span() >= TimeSpan.FromSeconds((plan.Planned - Rate) / Rate), $"{plan.Planned} messages in {sink.Span()}");
    }

    [Fact]
    public async Task A_429_with_Retry_After_pauses_the_provider_and_retries_the_message_no_sooner()
    {
        var policy = new DeliveryPolicy { Providers = new Dictionary<string, ProviderLimit> { ["sink"] = new(100) } };
        await using var stack = await CampaignStack.CreateAsync(policy, TimeProvider.System);
        var sink = new Sink();
        var retryAfter = TimeSpan.FromSeconds(1.5);
        stack.AddChannel("sink", () => new SinkChannel(sink, retryAfter));
        var (campaign, plan) = await stack.PlanSampleAsync("sink");
        var dispatcher = stack.Dispatcher("host", batchSize: 500);

        var first = await dispatcher.DispatchAsync(new DispatchScope(campaign.Id), CancellationToken.None);
        await Task.Delay(retryAfter + TimeSpan.FromMilliseconds(300));
        var second = await dispatcher.DispatchAsync(new DispatchScope(campaign.Id), CancellationToken.None);

        var calls = sink.Calls.ToArray();
        Assert.True(calls[1].At - calls[0].At >= retryAfter, $"second call {calls[1].At - calls[0].At} after the 429");
        // The refused messages came back once, no sooner than the provider asked.
        Assert.Equal(plan.Planned + calls[0].Count, sink.Keys.Count);
        Assert.All(calls[0].Keys, key => Assert.True(sink.ArrivalsOf(key) is [var a, var b] && b - a >= retryAfter));
        Assert.Equal(plan.Planned, first.Sent + second.Sent);
        var counts = await stack.Ledger.CountByStateAsync(campaign.Id, null, CancellationToken.None);
        Assert.Equal(plan.Planned, counts[DeliveryState.Sent]);
    }

    /// <summary>What the provider saw: every key with the monotonic time it arrived, and each call.</summary>
    private sealed class Sink
    {
        private readonly ConcurrentQueue<(string Key, long At)> _received = new();

        public ConcurrentQueue<(TimeSpan At, int Count, string[] Keys)> Calls { get; } = new();
        public IReadOnlyList<string> Keys => [.. _received.Select(r => r.Key)];

        public void Receive(IReadOnlyList<OutgoingMessage> messages)
        {
            var now = TimeProvider.System.GetTimestamp();
            Calls.Enqueue((Seconds(now), messages.Count, [.. messages.Select(m => m.Key)]));
            foreach (var message in messages) _received.Enqueue((message.Key, now));
        }

        public TimeSpan[] ArrivalsOf(string key) => [.. _received.Where(r => r.Key == key).Select(r => Seconds(r.At)).Order()];

        private static TimeSpan Seconds(long timestamp) => TimeSpan.FromSeconds((double)timestamp / TimeProvider.System.TimestampFrequency);

        /// <summary>The most messages that arrived within any one-second window (sliding, not calendar seconds).</summary>
        public int BusiestSecond()
        {
            var times = _received.Select(r => r.At).Order().ToArray();
            var second = TimeProvider.System.TimestampFrequency;
            int best = 0, start = 0;
            for (var end = 0; end < times.Length; end++)
            {
                while (times[end] - times[start] >= second) start++;
                best = Math.Max(best, end - start + 1);
            }
            return best;
        }

        public TimeSpan Span()
        {
            var times = _received.Select(r => r.At).ToArray();
            return TimeProvider.System.GetElapsedTime(times.Min(), times.Max());
        }
    }

    /// <summary>Accepts everything, except that the very first call, when <c>retryAfter</c> is set, gets a 429.</summary>
    private sealed class SinkChannel(Sink sink, TimeSpan? retryAfter) : IDeliveryChannel
    {
        public string Kind => "file";

        public Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
        {
            var refuse = retryAfter is not null && sink.Calls.IsEmpty;
            sink.Receive(messages);
            return Task.FromResult<IReadOnlyList<DeliveryResult>>([.. messages.Select(m => refuse
                ? new DeliveryResult(m.Key, DeliveryStatus.TransientFailure, "429 Too Many Requests") { RetryAfter = retryAfter }
                : new DeliveryResult(m.Key, DeliveryStatus.Sent, "id-" + m.Key))]);
        }
    }
}
