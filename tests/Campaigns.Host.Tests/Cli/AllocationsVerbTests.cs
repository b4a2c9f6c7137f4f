using Campaigns.Host.Tests.Experiments;
using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Cli;

/// <summary>
/// An operator's view of a bandit through the real executable: <c>run</c> a Thompson campaign with the host's global
/// control group switched on, then <c>allocations</c> shows the declared round and computes the next one on demand.
/// </summary>
public sealed class AllocationsVerbTests
{
    [Fact]
    public async Task Allocations_shows_the_declared_round_and_computes_the_next_on_demand()
    {
        using var host = new HostProcess();
        host.SetEnvironment("Campaigns__Experiments__GlobalControl__Percent", "10");
        Assert.Equal(0, (await host.RunAsync("import", Repo.SampleData)).ExitCode);
        var definition = Path.Combine(host.Folder, "bandit.json");
        await File.WriteAllTextAsync(definition, ExperimentCampaigns.Sample("bandit-cli", ExperimentCampaigns.Bandit()));

        var run = await host.RunAsync("run", definition);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"suppressed \d+: holdout:global", run.Out);

        var shown = await host.RunAsync("allocations", "bandit-cli");
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("experiment bandit-cli (thompson, reward click, holdout 0%)", shown.Out, StringComparison.Ordinal);
        Assert.Contains("round 0 (declared): A 50", shown.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("round 1", shown.Out, StringComparison.Ordinal);

        // Just sent: no click can have arrived yet, so the new round counts no trials and keeps both variants in play.
        var updated = await host.RunAsync("allocations", "bandit-cli", "--update");
        Assert.True(updated.ExitCode == 0, updated.ToString());
        Assert.Matches(@"round 1 at [0-9-]+ [0-9:]+Z: A [0-9.]+ ?% \(0/0\), B [0-9.]+ ?% \(0/0\)", updated.Out);

        var unknown = await host.RunAsync("allocations", "nope");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no campaign 'nope'", unknown.Error, StringComparison.Ordinal);
    }
}
