using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

public sealed class FixedLocalTimeTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly Customer London = new("london") { TimeZone = "Europe/London" };
    private static readonly Customer NewYork = new("new-york") { TimeZone = "America/New_York" };

    [Fact]
    public async Task TenOClockInLondonAndInNewYorkAreDifferentInstants()
    {
        var now = Utc(2026, 2, 2, 6, 0); // winter: London is UTC, New York UTC-5

        var decisions = await Choose(now, "{}", [London, NewYork]);

        Assert.Equal(Utc(2026, 2, 2, 10, 0), decisions[0].SendAt);
        Assert.Equal(Utc(2026, 2, 2, 15, 0), decisions[1].SendAt);
        Assert.Equal("fixed:10:00 Europe/London", decisions[0].Reason);
        Assert.Equal("fixed:10:00 America/New_York", decisions[1].Reason);
    }

    [Fact]
    public async Task InsideTheWindowSendsNowAndAfterItTheNextDay()
    {
        var inside = Utc(2026, 7, 1, 12, 30); // 13:30 BST: inside [10:00, 14:00)
        var after = Utc(2026, 7, 1, 13, 0);   // 14:00 BST: the window has closed

        Assert.Equal(inside, (await Choose(inside, "{}", [London]))[0].SendAt);
        Assert.Equal(Utc(2026, 7, 2, 9, 0), (await Choose(after, "{}", [London]))[0].SendAt);
        Assert.Equal(after, (await Choose(after, """{"windowMinutes":241}""", [London]))[0].SendAt);
    }

    [Fact]
    public async Task ALocalTimeSkippedBySpringForwardMovesToTheFirstValidMinute()
    {
        // 2026-03-29 01:00 GMT the clocks in London jump to 02:00 BST, so 01:30 does not exist that night.
        var decisions = await Choose(Utc(2026, 3, 29, 0, 10), """{"at":"01:30","windowMinutes":30}""", [London]);

        Assert.Equal(Utc(2026, 3, 29, 1, 0), decisions[0].SendAt); // 02:00 BST
    }

    [Fact]
    public async Task ALocalTimeThatHappensTwiceTakesTheEarlierInstant()
    {
        // 2026-10-25 02:00 BST the clocks in London fall back to 01:00 GMT, so 01:30 happens twice.
        var decisions = await Choose(Utc(2026, 10, 24, 23, 0), """{"at":"01:30","windowMinutes":30}""", [London]);

        Assert.Equal(Utc(2026, 10, 25, 0, 30), decisions[0].SendAt); // 01:30 BST, not 01:30 GMT
    }

    [Fact]
    public async Task AnUnknownZoneCountsAsUtcAndSaysSo()
    {
        var decisions = await Choose(Utc(2026, 2, 2, 6, 0), "{}", [new Customer("mars") { TimeZone = "Mars/Olympus_Mons" }]);

        Assert.Equal(Utc(2026, 2, 2, 10, 0), decisions[0].SendAt);
        Assert.Equal("fixed:10:00 UTC;unknown-zone:Mars/Olympus_Mons", decisions[0].Reason);
    }

    [Fact]
    public async Task ASlotAfterTheDeadlineIsMovedToTheDeadline()
    {
        var now = Utc(2026, 2, 2, 6, 0);
        var deadline = Utc(2026, 2, 2, 8, 0);

        var decisions = await Choose(now, "{}", [London], deadline);

        Assert.Equal(deadline, decisions[0].SendAt);
        Assert.Equal("fixed:10:00 Europe/London;deadline", decisions[0].Reason);
    }

    [Theory]
    [InlineData("""{"at":"25:00"}""")]
    [InlineData("""{"at":"9:00"}""")]
    [InlineData("""{"at":"ten"}""")]
    [InlineData("""{"windowMinutes":0}""")]
    public void InvalidOptionsAreRejected(string json) =>
        Assert.NotEmpty(plugins.Validate(StageKind.SendTime, "fixed-local-time", json));

    private async Task<IReadOnlyList<SendTimeDecision>> Choose(DateTimeOffset now, string options, Customer[] customers, DateTimeOffset? deadline = null)
    {
        var context = BundledPluginsFixture.Context(new InMemoryData(), new FakeClock(now), plugins.NewDataFolder());
        var stage = plugins.Create<ISendTimeStage>(StageKind.SendTime, "fixed-local-time", options, context);
        await stage.PrepareAsync(CancellationToken.None);
        return await stage.ChooseAsync(customers, new SendTimeRequest(now, deadline), CancellationToken.None);
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
