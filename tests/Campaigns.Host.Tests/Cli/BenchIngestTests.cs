using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Cli;

/// <summary><c>bench ingest</c>, run small: both stores take every event through the real HTTP API exactly once, and it says so.</summary>
public sealed class BenchIngestTests
{
    [Fact]
    public async Task Both_stores_store_every_posted_event_exactly_once_on_sqlite()
    {
        using var host = new HostProcess();
        var result = await host.RunAsync("bench", "ingest", "--db", "sqlite", "--events", "10000", "--naive-events", "2000", "--batch", "500", "--clients", "2");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ours (one INSERT / prepared batch) 9,000 events timed after 1,000 warm-up", result.Out, StringComparison.Ordinal);
        Assert.Contains("rows 10,000", result.Out, StringComparison.Ordinal);
        Assert.Contains("rows 2,000", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("MISMATCH", result.Out, StringComparison.Ordinal);
        Assert.Contains("ratio: ours / naive", result.Out, StringComparison.Ordinal);
        // Where the time went, phase by phase, for both runs.
        foreach (var phase in new[] { "ReadBody", "Parse", "Validate", "DeriveIds", "Store", "Publish" })
            Assert.Equal(2, result.Out.Split('\n').Count(l => l.TrimStart().StartsWith(phase + " ", StringComparison.Ordinal) && l.Contains("µs/event", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_longer_warm_up_is_left_out_of_the_timing_but_never_more_than_half_of_a_run()
    {
        using var host = new HostProcess();
        var result = await host.RunAsync("bench", "ingest", "--db", "sqlite", "--events", "10000", "--naive-events", "2000", "--batch", "500", "--clients", "2", "--warmup", "6");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ours (one INSERT / prepared batch) 7,000 events timed after 3,000 warm-up", result.Out, StringComparison.Ordinal);
        // The naive run has 4 batches: 2 warm up, 2 are timed.
        Assert.Contains("naive (one INSERT per event)     1,000 events timed after 1,000 warm-up", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("MISMATCH", result.Out, StringComparison.Ordinal);
    }
}
