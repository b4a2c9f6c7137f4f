using Campaigns.Host.Triggers;
using Microsoft.Extensions.Configuration;

namespace Campaigns.Host.Tests.Triggers;

/// <summary>The sweep's settings: sensible defaults, and a setting that would take live hosts for dead is refused by name.</summary>
public sealed class TriggerSweepSettingsTests
{
    [Fact]
    public void Unset_every_process_is_a_new_host_sweeping_each_minute_and_dead_after_three()
    {
        var first = TriggerSweepSettings.Read(Settings());
        var second = TriggerSweepSettings.Read(null);

        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3)), (first.Every, first.DeadAfter));
        Assert.NotEqual(first.HostId, second.HostId);
    }

    [Fact]
    public void A_named_host_and_a_faster_sweep_are_taken_as_set()
    {
        var options = TriggerSweepSettings.Read(Settings(("HostId", "web-1"), ("SweepEvery", "00:00:20")));

        Assert.Equal(("web-1", TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(1)), (options.HostId, options.Every, options.DeadAfter));
    }

    [Fact]
    public void A_host_counted_dead_before_its_next_heartbeat_or_a_duration_that_is_not_one_is_refused_by_name()
    {
        var tooSoon = Assert.Throws<InvalidOperationException>(() => TriggerSweepSettings.Read(Settings(("SweepEvery", "00:02:00"), ("HostDeadAfter", "00:01:00"))));
        var notADuration = Assert.Throws<InvalidOperationException>(() => TriggerSweepSettings.Read(Settings(("SweepEvery", "a minute"))));

        Assert.Contains("Campaigns:Triggers:HostDeadAfter", tooSoon.Message, StringComparison.Ordinal);
        Assert.Contains("Campaigns:Triggers:SweepEvery: 'a minute'", notADuration.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("Campaigns:Triggers:" + s.Key, s.Value)))
        .Build();
}
