using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>The learned send-time strategies, loaded from the built plugin: what a marketer would notice.</summary>
public sealed class TimingStrategiesTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 2, 2, 6, 0, 0, TimeSpan.Zero); // a Monday, winter: London = UTC
    private static readonly Customer London = new("london") { TimeZone = "Europe/London" };

    [Fact]
    public async Task Median_hour_sends_at_the_median_local_time_of_recent_activity()
    {
        var data = new InMemoryData();
        data.CustomerList.Add(London);
        foreach (var (day, hour) in new[] { (1, 18), (3, 19), (5, 19), (8, 20), (10, 19), (12, 7) })
            data.Buy("london", "i1", Now.AddDays(-day).Date.AddHours(hour).AddMinutes(15).ToUtc());

        var decision = (await Choose("median-hour", "{}", data, [London]))[0];

        Assert.Equal(Utc(2026, 2, 2, 19, 15), decision.SendAt);
        Assert.StartsWith("median-hour:19:15 n=6", decision.Reason);
        AssertWellFormed(decision, Now, null);
    }

    [Fact]
    public async Task Median_hour_falls_back_to_the_population_hour_under_five_events()
    {
        var data = new InMemoryData();
        data.CustomerList.AddRange([London, new Customer("busy") { TimeZone = "Europe/London" }]);
        for (var d = 1; d <= 4; d++) data.Buy("london", "i1", Now.AddDays(-d).Date.AddHours(21).ToUtc());
        for (var d = 1; d <= 10; d++) data.Buy("busy", "i1", Now.AddDays(-d).Date.AddHours(8).ToUtc());

        var decision = (await Choose("median-hour", "{}", data, [London]))[0];

        Assert.Equal(Utc(2026, 2, 2, 8, 0), decision.SendAt);
        Assert.Contains("fallback population 08:00 n=4", decision.Reason);
    }

    [Fact]
    public async Task Bayes_gives_a_cold_customer_the_population_slot_and_a_regular_their_own()
    {
        var data = new InMemoryData();
        var regular = new Customer("regular") { TimeZone = "Europe/London" };
        var cold = new Customer("cold") { TimeZone = "Europe/London" };
        data.CustomerList.AddRange([regular, cold]);
        // Everyone else shops at 09:00; the regular at 20:00, on many weekdays.
        for (var c = 0; c < 30; c++)
        {
            data.CustomerList.Add(new Customer($"p{c}") { TimeZone = "Europe/London" });
            for (var d = 1; d <= 60; d += 3) data.Buy($"p{c}", "i1", Now.AddDays(-d - c % 3).Date.AddHours(9).ToUtc());
        }
        for (var d = 1; d <= 80; d++) data.Buy("regular", "i1", Now.AddDays(-d).Date.AddHours(20).AddMinutes(5).ToUtc());

        var decisions = await Choose("bayes-hour-of-week", """{"exploration":"off"}""", data, [cold, regular], Now.AddHours(18));

        Assert.Equal(Utc(2026, 2, 2, 9, 0), decisions[0].SendAt);
        Assert.Equal(Utc(2026, 2, 2, 20, 0), decisions[1].SendAt);
        Assert.Null(decisions[0].Probability);
        Assert.True(decisions[1].Score > decisions[1].Alternatives[0].Score);
        foreach (var d in decisions) AssertWellFormed(d, Now, Now.AddHours(18));
    }

    [Fact]
    public async Task Thompson_sampling_is_deterministic_per_seed_and_reports_a_probability()
    {
        var data = new InMemoryData();
        data.CustomerList.Add(London);
        for (var d = 1; d <= 6; d++) data.Buy("london", "i1", Now.AddDays(-d).Date.AddHours(d % 2 == 0 ? 12 : 18).ToUtc());

        var first = (await Choose("bayes-hour-of-week", """{"seed":7}""", data, [London]))[0];
        var again = (await Choose("bayes-hour-of-week", """{"seed":7}""", data, [London]))[0];

        Assert.Equal(first.SendAt, again.SendAt);
        Assert.Equal(first.Probability, again.Probability);
        Assert.StartsWith("bayes:thompson", first.Reason);
        Assert.InRange(first.Probability!.Value, 0.0001, 1);
        AssertWellFormed(first, Now, null);

        // Over many seeds, each slot is chosen about as often as the probability the stage reports for it.
        var chosen = new Dictionary<DateTimeOffset, (int Count, double Probability)>();
        for (var seed = 0; seed < 200; seed++)
        {
            var d = (await Choose("bayes-hour-of-week", $$"""{"seed":{{seed}},"probabilityDraws":400}""", data, [London]))[0];
            chosen[d.SendAt] = (chosen.GetValueOrDefault(d.SendAt).Count + 1, d.Probability!.Value);
        }
        Assert.InRange(chosen.Values.Sum(c => c.Probability), 0.5, 1.2);
        var top = chosen.Values.MaxBy(c => c.Count);
        Assert.InRange(top.Count / 200.0, top.Probability - 0.12, top.Probability + 0.12);
    }

    [Fact]
    public async Task Purchase_cycle_sends_days_before_the_expected_purchase_at_the_usual_hour()
    {
        var data = new InMemoryData();
        data.CustomerList.Add(London);
        foreach (var d in new[] { 31, 21, 11, 1 }) data.Buy("london", "i1", Now.AddDays(-d).Date.AddHours(18).ToUtc());

        var decision = (await Choose("purchase-cycle", """{"daysBefore":2}""", data, [London]))[0];

        // Last purchase 2026-02-01, every 10 days: expected 2026-02-11, two days before at 18:00.
        Assert.Equal(Utc(2026, 2, 9, 18, 0), decision.SendAt);
        Assert.StartsWith("purchase-cycle:every 10d next 2026-02-11", decision.Reason);
        AssertWellFormed(decision, Now, null);
    }

    [Fact]
    public async Task Purchase_cycle_falls_back_with_a_single_purchase()
    {
        var data = new InMemoryData();
        data.CustomerList.Add(London);
        data.Buy("london", "i1", Now.AddDays(-3).Date.AddHours(15).ToUtc());

        var decision = (await Choose("purchase-cycle", """{"fallback":"11:00"}""", data, [London]))[0];

        Assert.Equal(Utc(2026, 2, 2, 11, 0), decision.SendAt);
        Assert.Contains("fallback fixed 11:00 purchases=1", decision.Reason);
    }

    [Fact]
    public async Task A_median_time_in_the_spring_forward_gap_moves_to_the_first_valid_minute()
    {
        // 2026-03-29 in London, 01:00 GMT jumps to 02:00 BST: 01:30 does not exist that night.
        var now = new DateTimeOffset(2026, 3, 28, 20, 0, 0, TimeSpan.Zero);
        var data = new InMemoryData();
        data.CustomerList.Add(London);
        for (var d = 1; d <= 5; d++) data.Buy("london", "i1", new DateTimeOffset(2026, 3, 27 - d, 1, 30, 0, TimeSpan.Zero));

        var decision = (await Choose("median-hour", "{}", data, [London], null, now))[0];

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), decision.SendAt); // 02:00 BST
        Assert.Equal(decision.Alternatives.Count, decision.Alternatives.Select(a => a.Start).Distinct().Count());
    }

    [Fact]
    public async Task A_slot_in_the_fall_back_hour_takes_the_earlier_instant()
    {
        // 2026-10-25 in London, 02:00 BST falls back to 01:00 GMT: 01:30 happens twice.
        var now = new DateTimeOffset(2026, 10, 24, 20, 0, 0, TimeSpan.Zero);
        var data = new InMemoryData();
        data.CustomerList.Add(London);
        for (var d = 1; d <= 5; d++) data.Buy("london", "i1", new DateTimeOffset(2026, 10, 22 - d, 0, 30, 0, TimeSpan.Zero)); // 01:30 BST

        var decision = (await Choose("median-hour", "{}", data, [London], null, now))[0];

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), decision.SendAt); // 01:30 BST, not GMT
    }

    [Theory]
    [InlineData("median-hour", """{"minEvents":0}""")]
    [InlineData("median-hour", """{"fallback":"noon"}""")]
    [InlineData("bayes-hour-of-week", """{"exploration":"sometimes"}""")]
    [InlineData("bayes-hour-of-week", """{"eventWeights":{"teleport":1}}""")]
    [InlineData("purchase-cycle", """{"minPurchases":1}""")]
    public void Invalid_options_are_rejected(string key, string json) =>
        Assert.NotEmpty(plugins.Validate(StageKind.SendTime, key, json));

    private async Task<IReadOnlyList<SendTimeDecision>> Choose(string key, string options, InMemoryData data, Customer[] customers,
        DateTimeOffset? deadline = null, DateTimeOffset? now = null)
    {
        var clock = now ?? Now;
        var context = BundledPluginsFixture.Context(data, new FakeClock(clock), plugins.NewDataFolder());
        var stage = plugins.Create<ISendTimeStage>(StageKind.SendTime, key, options, context);
        await stage.PrepareAsync(CancellationToken.None);
        return await stage.ChooseAsync(customers, new SendTimeRequest(clock, deadline), CancellationToken.None);
    }

    private static void AssertWellFormed(SendTimeDecision decision, DateTimeOffset earliest, DateTimeOffset? deadline)
    {
        Assert.True(decision.SendAt >= earliest, $"{decision.SendAt} before {earliest}");
        if (deadline is { } d) Assert.True(decision.SendAt <= d, $"{decision.SendAt} after {d}");
        Assert.NotNull(decision.Score);
        Assert.NotEmpty(decision.Alternatives);
        Assert.All(decision.Alternatives, a => Assert.True(a.Start >= earliest && (deadline is null || a.Start <= deadline)));
        Assert.Equal(decision.Alternatives.OrderByDescending(a => a.Score).Select(a => a.Score), decision.Alternatives.Select(a => a.Score));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}

internal static class DateTimes
{
    /// <summary>A UTC wall-clock DateTime as an instant (London is UTC in winter, which these tests use).</summary>
    public static DateTimeOffset ToUtc(this DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), TimeSpan.Zero);
}
