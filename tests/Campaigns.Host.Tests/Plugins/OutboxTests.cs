using System.Text.Json;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

public sealed class OutboxTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WritesOneJsonLinePerMessageAndReportsItsLine()
    {
        var folder = plugins.NewDataFolder();
        var channel = Channel(folder, "{}");
        using var owner = Owned(channel);
        await channel.PrepareAsync(CancellationToken.None);

        var results = await channel.SendAsync([Message("k1", "Hello £5"), Message("k2")], CancellationToken.None);

        Assert.Equal("file", channel.Kind);
        Assert.Equal([("k1", DeliveryStatus.Sent, "outbox:1"), ("k2", DeliveryStatus.Sent, "outbox:2")], results.Select(r => (r.Key, r.Status, r.Detail!)));
        var lines = File.ReadAllLines(Path.Combine(folder, "outbox.jsonl"));
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal("k1", root.GetProperty("key").GetString());
        Assert.Equal("test-campaign", root.GetProperty("campaignId").GetString());
        Assert.Equal("customer-k1", root.GetProperty("customerId").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("address").ValueKind);
        Assert.Equal("Hello £5", root.GetProperty("body").GetString());
        Assert.Equal(["i1", "i2"], root.GetProperty("itemIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Now.AddHours(-1), root.GetProperty("plannedAt").GetDateTimeOffset());
        Assert.Equal(Now, root.GetProperty("writtenAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task AKeyAlreadyWrittenIsReportedSentWithoutWritingAgain()
    {
        var folder = plugins.NewDataFolder();
        var file = Path.Combine(folder, "out", "box.jsonl");
        var channel = Channel(folder, """{"path":"out/box.jsonl"}""");
        using (Owned(channel))
        {
            await channel.SendAsync([Message("k1"), Message("k2")], CancellationToken.None);
            var again = await channel.SendAsync([Message("k2"), Message("k3"), Message("k3")], CancellationToken.None);
            Assert.Equal(["outbox:2", "outbox:3", "outbox:3"], again.Select(r => r.Detail));
        }

        // A new run (after a restart) learns the written keys from the file itself.
        var restarted = Channel(folder, $$"""{"path":{{JsonSerializer.Serialize(file)}}}""");
        using var restartedOwner = Owned(restarted);
        await restarted.PrepareAsync(CancellationToken.None);
        var results = await restarted.SendAsync([Message("k1"), Message("k4")], CancellationToken.None);

        Assert.Equal(["outbox:1", "outbox:4"], results.Select(r => r.Detail));
        Assert.All(results, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(["k1", "k2", "k3", "k4"], File.ReadAllLines(file).Select(KeyOf));
    }

    [Fact]
    public async Task ALineTornByACrashIsEndedAndItsMessageWrittenAgain()
    {
        var folder = plugins.NewDataFolder();
        var file = Path.Combine(folder, "outbox.jsonl");
        var first = Channel(folder, "{}");
        using (Owned(first)) await first.SendAsync([Message("k1")], CancellationToken.None);
        File.AppendAllText(file, """{"key":"k2","campaignId":"te""");

        var restarted = Channel(folder, "{}");
        using var restartedOwner = Owned(restarted);
        var results = await restarted.SendAsync([Message("k2")], CancellationToken.None);

        Assert.Equal("outbox:3", results[0].Detail);
        var lines = File.ReadAllLines(file);
        Assert.Equal(3, lines.Length);
        Assert.Equal("k2", KeyOf(lines[2]));
    }

    [Fact]
    public async Task ConcurrentBatchesOfTwoChannelsOnOneFileNeverDuplicateOrInterleave()
    {
        var folder = plugins.NewDataFolder();
        var a = Channel(folder, "{}");
        var b = Channel(folder, "{}");
        using var ownerA = Owned(a);
        using var ownerB = Owned(b);
        var keys = Enumerable.Range(0, 200).Select(i => $"k{i}").ToArray();

        await Task.WhenAll(keys.Chunk(10).SelectMany(chunk => new[] { a, b }.Select(channel =>
            Task.Run(() => channel.SendAsync([.. chunk.Select(k => Message(k))], CancellationToken.None)))));

        Assert.Equal(keys.Order(StringComparer.Ordinal), File.ReadAllLines(Path.Combine(folder, "outbox.jsonl")).Select(KeyOf).Order(StringComparer.Ordinal));
    }

    private IDeliveryChannel Channel(string folder, string options) =>
        plugins.Create<IDeliveryChannel>(StageKind.Channel, "outbox", options, BundledPluginsFixture.Context(new InMemoryData(), new FakeClock(Now), folder));

    // The host disposes a stage after its run when it is disposable; the outbox is (it holds the file open).
    private static IDisposable Owned(IDeliveryChannel channel) => Assert.IsAssignableFrom<IDisposable>(channel);

    private static OutgoingMessage Message(string key, string body = "body") =>
        new(key, "test-campaign", $"customer-{key}", null, "Subject", body, ["i1", "i2"], Now.AddHours(-1));

    private static string? KeyOf(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("key").GetString();
    }
}
