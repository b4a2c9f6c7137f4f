using Campaigns.Data;
using Campaigns.Evaluation.Timing;
using Campaigns.Host.Tests.Support;
using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>The ML.NET strategy, loaded from its own plugin folder (ML.NET and its native libraries beside it).</summary>
public sealed class MlEngagementTests(BundledPluginsFixture plugins) : IClassFixture<BundledPluginsFixture>
{
    [Fact]
    public async Task It_learns_planted_habits_and_scores_hours_with_probabilities()
    {
        var habits = new SyntheticHabits(300, seed: 5);
        var data = new InMemoryData();
        data.CustomerList.AddRange(habits.Habits.Select(h => new Customer(h.Id)));
        data.Events.AddRange(habits.Events().Where(e => e.OccurredAt < SyntheticHabits.SplitAt));
        var now = SyntheticHabits.SplitAt; // 00:00 UTC
        var context = BundledPluginsFixture.Context(data, new FakeClock(now), plugins.NewDataFolder());
        var stage = plugins.Create<ISendTimeStage>(StageKind.SendTime, "ml-engagement", "{}", context);
        await stage.PrepareAsync(CancellationToken.None);

        // Customers with a real history; the window: that whole day.
        var regulars = habits.Habits.Where(h => data.Events.Count(e => e.CustomerId == h.Id) >= 20).ToList();
        var decisions = await stage.ChooseAsync([.. regulars.Select(h => new Customer(h.Id))], new SendTimeRequest(now, now.AddDays(1).AddTicks(-1)), CancellationToken.None);

        var hits = regulars.Where((h, i) => decisions[i].SendAt.UtcDateTime.Hour == h.PreferredOn(now.UtcDateTime)).Count();
        Assert.True(hits >= regulars.Count / 2, $"{hits} of {regulars.Count} at the planted hour");
        Assert.All(decisions, d =>
        {
            Assert.StartsWith("ml-engagement:", d.Reason);
            Assert.InRange(d.Score!.Value, 0, 1);
            Assert.InRange(d.SendAt, now, now.AddDays(1));
            Assert.Equal(23, d.Alternatives.Count);
        });
    }

    [Fact]
    public async Task With_too_little_history_it_falls_back_to_the_population()
    {
        var data = new InMemoryData();
        data.CustomerList.Add(new Customer("a"));
        var now = new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero);
        for (var d = 1; d <= 5; d++) data.Buy("a", "i1", now.AddDays(-d).AddHours(14));
        var context = BundledPluginsFixture.Context(data, new FakeClock(now), plugins.NewDataFolder());
        var stage = plugins.Create<ISendTimeStage>(StageKind.SendTime, "ml-engagement", "{}", context);
        await stage.PrepareAsync(CancellationToken.None);

        var decision = (await stage.ChooseAsync([new Customer("a")], new SendTimeRequest(now, null), CancellationToken.None))[0];

        Assert.StartsWith("ml-engagement:fallback population", decision.Reason);
        Assert.Equal(now.AddHours(14), decision.SendAt);
    }
}

/// <summary>The <c>plugins</c> verb of the real host lists the ML.NET plugin as loaded.</summary>
public sealed class PluginsVerbTimingTests
{
    [Fact]
    public async Task The_plugins_verb_loads_the_ml_plugin_and_every_timing_key()
    {
        using var host = new HostProcess();
        var result = await host.RunAsync("plugins");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var key in new[] { "bayes-hour-of-week", "median-hour", "purchase-cycle", "ml-engagement" })
            Assert.Contains(key, result.Out);
        Assert.Contains("campaigns.timing.ml", result.Out);
        Assert.DoesNotContain("failed", result.Out, StringComparison.OrdinalIgnoreCase);
    }
}
