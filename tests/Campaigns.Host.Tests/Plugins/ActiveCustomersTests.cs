using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

public sealed class ActiveCustomersTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SelectsCustomersWithEnoughMatchingEventsInTheWindow()
    {
        var data = People("recent", "twice", "stale", "viewer");
        data.Buy("recent", "i", Now.AddDays(-89));
        data.Buy("twice", "i", Now.AddDays(-1)).Buy("twice", "j", Now.AddDays(-2));
        data.Buy("stale", "i", Now.AddDays(-91));
        data.Buy("viewer", "i", Now.AddDays(-1), InteractionTypes.View);
        data.Buy("ghost", "i", Now.AddDays(-1)); // an event of a customer the shop never exported

        Assert.Equal(["recent", "twice", "viewer"], await Select(data, "{}"));
        Assert.Equal(["recent", "twice"], await Select(data, """{"eventTypes":["purchase"]}"""));
        Assert.Equal(["twice"], await Select(data, """{"minEvents":2}"""));
        Assert.Equal(["twice", "viewer"], await Select(data, """{"days":7}"""));
    }

    [Fact]
    public async Task AnchorDecidesWhereTheWindowEndsForHistoricData()
    {
        var latest = new DateTimeOffset(2011, 12, 9, 12, 50, 0, TimeSpan.Zero);
        var data = People("last", "inside", "outside");
        data.Buy("last", "i", latest).Buy("inside", "i", latest.AddDays(-80)).Buy("outside", "i", latest.AddDays(-100));

        Assert.Equal(["inside", "last"], await Select(data, "{}"));
        Assert.Equal(["inside", "last"], await Select(data, """{"anchor":"latest-event"}"""));
        Assert.Empty(await Select(data, """{"anchor":"now"}"""));

        data.Buy("outside", "i", Now.AddDays(-1)); // one event in the window ending now: auto stays at now
        Assert.Equal(["outside"], await Select(data, "{}"));
    }

    [Fact]
    public async Task StreamsBatchesNoLargerThanAskedWithEachCustomerOnce()
    {
        var ids = Enumerable.Range(0, 25).Select(i => $"c{i:D2}").ToArray();
        var data = People(ids);
        foreach (var id in ids) data.Buy(id, "i", Now.AddDays(-1)).Buy(id, "j", Now.AddDays(-2));

        var batches = await Batches(data, "{}", batchSize: 10);

        Assert.Equal([10, 10, 5], batches.Select(b => b.Count));
        Assert.Equal(ids, batches.SelectMany(b => b).Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"days":0}""")]
    [InlineData("""{"minEvents":0}""")]
    [InlineData("""{"anchor":"later"}""")]
    public void InvalidOptionsAreRejected(string json) =>
        Assert.NotEmpty(plugins.Validate(StageKind.Audience, "active-customers", json));

    private async Task<string[]> Select(InMemoryData data, string options) =>
        [.. (await Batches(data, options, batchSize: 100)).SelectMany(b => b).Select(c => c.Id).Order(StringComparer.Ordinal)];

    private async Task<List<IReadOnlyList<Customer>>> Batches(InMemoryData data, string options, int batchSize)
    {
        var context = BundledPluginsFixture.Context(data, new FakeClock(Now), plugins.NewDataFolder());
        var stage = plugins.Create<IAudienceStage>(StageKind.Audience, "active-customers", options, context);
        await stage.PrepareAsync(CancellationToken.None);
        var batches = new List<IReadOnlyList<Customer>>();
        await foreach (var batch in stage.SelectAsync(new AudienceRequest(batchSize), CancellationToken.None)) batches.Add(batch);
        return batches;
    }

    private static InMemoryData People(params string[] ids)
    {
        var data = new InMemoryData();
        data.CustomerList.AddRange(ids.Select(id => new Customer(id)));
        return data;
    }
}
