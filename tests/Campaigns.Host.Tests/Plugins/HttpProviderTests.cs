using System.Text.Json;
using System.Web;
using Campaigns.Host.Tests.Support;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>The configurable <c>http</c> channel, loaded from disk: a partner gateway added by options alone, against a real HTTP server.</summary>
public sealed class HttpProviderTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_twilio_like_gateway_gets_a_form_post_with_basic_auth_and_its_sid_is_kept()
    {
        await using var sink = await HttpSink.StartAsync();
        sink.Answer = (_, n) => new SinkAnswer(201, $$"""{"sid":"SM{{n}}","status":"queued"}""");
        Environment.SetEnvironmentVariable("CAMPAIGNS_TEST_TWILIO_AUTH", "QUMxOnNlY3JldA==");
        var channel = Channel($$$"""
            { "kind": "sms", "url": "{{{sink.Url}}}2010-04-01/Accounts/AC1/Messages.json",
              "contentType": "application/x-www-form-urlencoded",
              "headers": { "Authorization": "Basic {{ secrets.auth }}" },
              "body": "To={{ message.address | form }}&From=%2B15550001111&Body={{ message.body | form }}",
              "secretsEnv": { "auth": "CAMPAIGNS_TEST_TWILIO_AUTH" }, "messageIdPath": "sid" }
            """);

        var result = Assert.Single(await channel.SendAsync([Message("k1", "+447700900123", "20% off & free delivery")], CancellationToken.None));

        Assert.Equal("sms", channel.Kind);
        Assert.Equal((DeliveryStatus.Sent, "SM1"), (result.Status, result.Detail));
        var request = Assert.Single(sink.Requests);
        Assert.Equal("/2010-04-01/Accounts/AC1/Messages.json", request.Path);
        Assert.Equal("Basic QUMxOnNlY3JldA==", request.Headers["Authorization"]);
        Assert.Equal("k1", request.Headers["Idempotency-Key"]);
        var form = HttpUtility.ParseQueryString(request.Text);
        Assert.Equal(("+447700900123", "20% off & free delivery"), (form["To"], form["Body"]));
    }

    [Fact]
    public async Task An_fcm_like_gateway_gets_json_with_every_value_escaped()
    {
        await using var sink = await HttpSink.StartAsync();
        sink.Answer = (_, _) => new SinkAnswer(200, """{"name":"projects/p/messages/0:123"}""");
        const string body = "{\"message\":{\"token\":{{ message.address | json }},\"notification\":{\"title\":{{ message.subject | json }},\"body\":{{ message.body | json }}}}}";
        var channel = Channel(JsonSerializer.Serialize(new { kind = "push", url = sink.Url + "v1/projects/p/messages:send", body, messageIdPath = "name" }));

        var result = Assert.Single(await channel.SendAsync([Message("k1", "tok-1", "He said \"hi\"\nand left", subject: "Back in stock: \"Alarm clock\"")], CancellationToken.None));

        Assert.Equal((DeliveryStatus.Sent, "projects/p/messages/0:123"), (result.Status, result.Detail));
        using var json = JsonDocument.Parse(Assert.Single(sink.Requests).Body);
        var message = json.RootElement.GetProperty("message");
        Assert.Equal("tok-1", message.GetProperty("token").GetString());
        Assert.Equal("Back in stock: \"Alarm clock\"", message.GetProperty("notification").GetProperty("title").GetString());
        Assert.Equal("He said \"hi\"\nand left", message.GetProperty("notification").GetProperty("body").GetString());
    }

    [Fact]
    public async Task Gateway_failures_are_classified_like_the_webhooks()
    {
        await using var sink = await HttpSink.StartAsync();
        sink.Answer = (r, _) => r.Text.Contains("bad", StringComparison.Ordinal)
            ? new SinkAnswer(400, """{"code":21211,"message":"invalid 'To' number"}""")
            : new SinkAnswer(429, Headers: new() { ["Retry-After"] = "3" });
        var channel = Channel($$$"""{ "url": "{{{sink.Url}}}send", "body": "{{ message.address }}" }""");

        var results = await channel.SendAsync([Message("k1", "bad"), Message("k2", "+1555")], CancellationToken.None);

        Assert.Equal(DeliveryStatus.PermanentFailure, results[0].Status);
        Assert.Contains("invalid 'To' number", results[0].Detail, StringComparison.Ordinal);
        Assert.Equal((DeliveryStatus.TransientFailure, TimeSpan.FromSeconds(3)), (results[1].Status, results[1].RetryAfter));
    }

    [Fact]
    public void A_template_that_does_not_parse_is_rejected_when_the_campaign_is_validated()
    {
        Assert.Contains(plugins.Validate(StageKind.Channel, "http", """{ "url": "http://127.0.0.1/{{ end }}" }"""), e => e.StartsWith("url:", StringComparison.Ordinal));
        Assert.Contains(plugins.Validate(StageKind.Channel, "http", """{ "url": "http://127.0.0.1/", "body": "{{ for x in message.item_ids }}" }"""), e => e.StartsWith("body:", StringComparison.Ordinal));
        Assert.Contains(plugins.Validate(StageKind.Channel, "http", """{ "url": "http://127.0.0.1/", "method": "DELETE" }"""), e => e.Contains("Method", StringComparison.Ordinal));
    }

    private IDeliveryChannel Channel(string options) => plugins.Create<IDeliveryChannel>(StageKind.Channel, "http", options,
        BundledPluginsFixture.Context(new InMemoryData(), new FakeClock(Now), plugins.NewDataFolder()));

    private static OutgoingMessage Message(string key, string address, string body = "Hello", string subject = "Hi") =>
        new(key, "camp", "c1", address, subject, body, ["i1"], Now);
}
