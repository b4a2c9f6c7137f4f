using System.Text.Json;
using Campaigns.Host.Tests.Support;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>The webhook channel, loaded from disk, against a real HTTP server on loopback.</summary>
public sealed class WebhookTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private const string Secret = "a-test-secret-of-32-characters!!";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_message_is_posted_once_as_signed_json_with_its_key_as_idempotency_key()
    {
        await using var sink = await HttpSink.StartAsync();
        using var channel = Channel(sink, """ "headers": { "X-Api-Key": "partner-key" } """);

        var results = await channel.SendAsync([Message("k1", "Hello £5"), Message("k2")], CancellationToken.None);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(["m1", "m2"], results.Select(r => r.Detail).Order());
        var requests = sink.Requests.OrderBy(r => r.Headers["Idempotency-Key"]).ToList();
        Assert.Equal(["k1", "k2"], requests.Select(r => r.Headers["Idempotency-Key"]));
        var first = requests[0];
        Assert.Equal("POST", first.Method);
        Assert.StartsWith("application/json", first.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("partner-key", first.Headers["X-Api-Key"]);
        Assert.True(Verify(Secret, first.Headers["Campaigns-Signature"], first.Body, Now, TimeSpan.FromMinutes(5)));
        using var json = JsonDocument.Parse(first.Body);
        Assert.Equal("Hello £5", json.RootElement.GetProperty("body").GetString());
        Assert.Equal("customer-k1", json.RootElement.GetProperty("customerId").GetString());
        Assert.Equal(["i1", "i2"], json.RootElement.GetProperty("itemIds").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_5xx_is_retried_within_the_send_and_succeeds_with_a_fresh_signature()
    {
        await using var sink = await HttpSink.StartAsync();
        sink.Answer = (_, n) => n <= 2 ? new SinkAnswer(503, "busy") : new SinkAnswer(202);
        using var channel = Channel(sink);

        var result = Assert.Single(await channel.SendAsync([Message("k1")], CancellationToken.None));

        Assert.Equal((DeliveryStatus.Sent, "HTTP 202"), (result.Status, result.Detail));
        Assert.Equal(3, sink.Requests.Count);
        Assert.All(sink.Requests, r => Assert.Equal("k1", r.Headers["Idempotency-Key"]));
    }

    [Fact]
    public async Task Retries_that_run_out_leave_a_transient_failure_for_the_ledger_to_retry_later()
    {
        await using var sink = await HttpSink.StartAsync();
        sink.Answer = (_, _) => new SinkAnswer(500, "database down");
        using var channel = Channel(sink, """ "maxRetries": 2 """);

        var result = Assert.Single(await channel.SendAsync([Message("k1")], CancellationToken.None));

        Assert.Equal(DeliveryStatus.TransientFailure, result.Status);
        Assert.Equal("HTTP 500 after 3 attempts database down", result.Detail);
        Assert.Equal(3, sink.Requests.Count);
    }

    [Fact]
    public async Task A_429_is_not_retried_here_but_reported_with_its_Retry_After()
    {
        await using var sink = await HttpSink.StartAsync();
        sink.Answer = (_, _) => new SinkAnswer(429, "slow down", new() { ["Retry-After"] = "7" });
        using var channel = Channel(sink);

        var result = Assert.Single(await channel.SendAsync([Message("k1")], CancellationToken.None));

        Assert.Equal(DeliveryStatus.TransientFailure, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.Single(sink.Requests);
    }

    [Fact]
    public async Task A_4xx_fails_for_good_with_the_providers_reason_and_a_timeout_is_transient()
    {
        await using var sink = await HttpSink.StartAsync();
        sink.Answer = (r, _) => r.Text.Contains("\"k1\"", StringComparison.Ordinal)
            ? new SinkAnswer(400, "{\"error\":\"invalid phone number\"}")
            : new SinkAnswer(200, Delay: TimeSpan.FromSeconds(3));
        using var channel = Channel(sink, """ "timeoutSeconds": 1, "maxRetries": 1 """);

        var results = await channel.SendAsync([Message("k1"), Message("k2")], CancellationToken.None);

        Assert.Equal((DeliveryStatus.PermanentFailure, "HTTP 400 {\"error\":\"invalid phone number\"}"), (results[0].Status, results[0].Detail));
        Assert.Equal(DeliveryStatus.TransientFailure, results[1].Status);
        Assert.Equal("timed out after 1 s (2 attempts)", results[1].Detail);
    }

    [Fact]
    public void Bad_options_are_rejected_with_the_field()
    {
        var errors = plugins.Validate(StageKind.Channel, "webhook", """{ "url": "ftp://x", "secret": "short", "kind": "fax", "concurrency": 0 }""");

        Assert.Contains(errors, e => e.Contains("Kind", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Concurrency", StringComparison.Ordinal));
        Assert.Contains("'ftp://x' is not an absolute http or https URL", plugins.Validate(StageKind.Channel, "webhook", """{ "url": "ftp://x", "secret": "0123456789abcdef" }"""));
        Assert.Contains("give exactly one of secret and secretEnv", plugins.Validate(StageKind.Channel, "webhook", """{ "url": "http://127.0.0.1/" }"""));
        Assert.Contains("a signing secret needs at least 16 characters", plugins.Validate(StageKind.Channel, "webhook", """{ "url": "http://127.0.0.1/", "secret": "short" }"""));
    }

    private WebhookChannelHandle Channel(HttpSink sink, string extra = "")
    {
        var options = $$"""{ "url": "{{sink.Url}}hook", "secret": "{{Secret}}", "retryDelayMilliseconds": 10{{(extra.Length > 0 ? "," + extra : "")}} }""";
        var channel = plugins.Create<IDeliveryChannel>(StageKind.Channel, "webhook", options,
            BundledPluginsFixture.Context(new InMemoryData(), new FakeClock(Now), plugins.NewDataFolder()));
        return new WebhookChannelHandle(channel);
    }

    /// <summary>What a receiver does, written from the documented format: t=unix seconds, v1=hex HMAC-SHA256(secret, t + "." + body).</summary>
    private static bool Verify(string secret, string header, byte[] body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var sent = DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts["t"], CultureInfo.InvariantCulture));
        byte[] signed = [.. Encoding.UTF8.GetBytes(parts["t"] + "."), .. body];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return (now - sent).Duration() <= tolerance && parts["v1"] == Convert.ToHexStringLower(expected);
    }

    private static OutgoingMessage Message(string key, string body = "body") =>
        new(key, "test-campaign", $"customer-{key}", null, "Subject", body, ["i1", "i2"], Now.AddHours(-1));

    /// <summary>The channel, disposed like the host disposes it after a run.</summary>
    private sealed class WebhookChannelHandle(IDeliveryChannel channel) : IDisposable
    {
        public Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken ct) => channel.SendAsync(messages, ct);

        public void Dispose() => (channel as IDisposable)?.Dispose();
    }
}
