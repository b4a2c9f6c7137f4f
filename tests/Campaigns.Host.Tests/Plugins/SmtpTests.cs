using Campaigns.Host.Tests.Support;
using Campaigns.Stages;
using MimeKit;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>The SMTP channel, loaded from disk, against a real SMTP server on loopback; what arrives is parsed and checked.</summary>
public sealed class SmtpTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_html_message_arrives_with_text_and_html_parts_its_message_id_and_one_click_unsubscribe()
    {
        await using var server = SmtpSink.Start();
        var channel = Channel(server);
        await using var owner = Owned(channel);

        var html = "<html><body><p>Hello Ann,</p><p>Our <b>bestsellers</b> &amp; more:</p><ul><li>Alarm clock</li></ul></body></html>";
        var result = Assert.Single(await channel.SendAsync([Message("camp:once:c1:main", "ann@example.test", html)], CancellationToken.None));

        Assert.Equal("email", channel.Kind);
        Assert.Equal(DeliveryStatus.Sent, result.Status);
        var mail = Assert.Single(server.Received);
        Assert.Equal("Bestsellers for you", mail.Subject);
        Assert.Equal("news@shop.example", mail.From.Mailboxes.Single().Address);
        Assert.Equal("ann@example.test", mail.To.Mailboxes.Single().Address);
        Assert.Equal(html, mail.HtmlBody);
        Assert.Contains("Our bestsellers & more:", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Alarm clock", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("<https://shop.example/u?k=camp%3Aonce%3Ac1%3Amain>, <mailto:unsubscribe@shop.example>", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Matches("^[0-9a-f]{32}@shop.example$", mail.MessageId);
        Assert.Equal("<" + mail.MessageId + ">", result.Detail);
    }

    [Fact]
    public async Task The_same_ledger_key_always_gets_the_same_message_id_and_a_text_body_stays_text_only()
    {
        await using var server = SmtpSink.Start();
        var channel = Channel(server);
        await using var owner = Owned(channel);

        await channel.SendAsync([Message("k1", "a@example.test", "Plain text"), Message("k1", "a@example.test", "Plain text"), Message("k2", "a@example.test")], CancellationToken.None);

        var ids = server.Received.OrderBy(m => m.Date).Select(m => m.MessageId).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(2, ids.Distinct().Count());
        Assert.All(server.Received.Where(m => m.TextBody == "Plain text"), m => Assert.Null(m.HtmlBody));
    }

    [Fact]
    public async Task Connections_are_reused_across_batches()
    {
        await using var server = SmtpSink.Start();
        var channel = Channel(server, """ "connections": 2 """);
        await using var owner = Owned(channel);

        for (var batch = 0; batch < 5; batch++)
            await channel.SendAsync([.. Enumerable.Range(0, 10).Select(i => Message($"b{batch}-{i}", $"c{i}@example.test"))], CancellationToken.None);

        Assert.Equal(50, server.Received.Count);
        Assert.InRange(server.Sessions, 1, 2);
    }

    [Fact]
    public async Task A_refused_recipient_fails_for_good_with_the_servers_reply_and_the_others_still_go()
    {
        await using var server = SmtpSink.Start();
        var channel = Channel(server);
        await using var owner = Owned(channel);

        var results = await channel.SendAsync([Message("k1", "bounce@example.test"), Message("k2", "ok@example.test"), Message("k3", "not an address")], CancellationToken.None);

        Assert.Equal((DeliveryStatus.PermanentFailure, true), (results[0].Status, results[0].HardBounce));
        Assert.StartsWith("SMTP 550", results[0].Detail, StringComparison.Ordinal);
        Assert.Equal((DeliveryStatus.Sent, false), (results[1].Status, results[1].HardBounce));
        Assert.Equal((DeliveryStatus.PermanentFailure, "invalid address 'not an address'", true), (results[2].Status, results[2].Detail, results[2].HardBounce));
        Assert.Equal("ok@example.test", Assert.Single(server.Received).To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_server_that_is_down_is_a_transient_failure()
    {
        int port;
        await using (var server = SmtpSink.Start()) port = server.Port;
        var channel = plugins.Create<IDeliveryChannel>(StageKind.Channel, "smtp", Options(port, ""), Context());
        await using var owner = Owned(channel);

        var result = Assert.Single(await channel.SendAsync([Message("k1", "a@example.test")], CancellationToken.None));

        Assert.Equal(DeliveryStatus.TransientFailure, result.Status);
        Assert.StartsWith("SMTP connection:", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_options_are_rejected_with_the_field()
    {
        var errors = plugins.Validate(StageKind.Channel, "smtp", """{ "host": "127.0.0.1", "from": "nobody", "unsubscribeUrl": "/relative", "username": "u" }""");

        Assert.Contains("'nobody' is not an e-mail address", errors);
        Assert.Contains("'/relative' is not an absolute http(s) URL", errors);
        Assert.Contains("a username needs passwordEnv", errors);
        Assert.Contains(plugins.Validate(StageKind.Channel, "smtp", """{ "host": "h", "from": "a@b.c", "unsubscribeUrl": "https://x/", "security": "tls1" }"""),
            e => e.Contains("Security", StringComparison.Ordinal));
    }

    private IDeliveryChannel Channel(SmtpSink server, string extra = "") =>
        plugins.Create<IDeliveryChannel>(StageKind.Channel, "smtp", Options(server.Port, extra), Context());

    private static string Options(int port, string extra) => $$"""
        { "host": "127.0.0.1", "port": {{port}}, "security": "none", "from": "Shop <news@shop.example>",
          "unsubscribeUrl": "https://shop.example/u?k={key}", "unsubscribeMailto": "unsubscribe@shop.example", "timeoutSeconds": 5{{(extra.Length > 0 ? "," + extra : "")}} }
        """;

    private StageContext Context() => BundledPluginsFixture.Context(new InMemoryData(), new FakeClock(Now), plugins.NewDataFolder());

    private static IAsyncDisposable Owned(IDeliveryChannel channel) => Assert.IsAssignableFrom<IAsyncDisposable>(channel);

    private static OutgoingMessage Message(string key, string address, string body = "Hello") =>
        new(key, "camp", "c1", address, "Bestsellers for you", body, ["i1"], Now);
}
