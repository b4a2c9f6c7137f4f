using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Cli;

/// <summary>The dispatch benchmark runs end to end on the embedded default and its sink sees every message once, both ways.</summary>
public sealed class BenchDispatchTests
{
    [Fact]
    public async Task Both_dispatchers_deliver_every_message_once_to_the_local_sink()
    {
        using var host = new HostProcess();
        Assert.Equal(0, (await host.RunAsync("import", Repo.SampleData)).ExitCode);

        var result = await host.RunAsync("bench", "dispatch", "--messages", "300", "--naive-messages", "30");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("300 messages in", result.Out, StringComparison.Ordinal);
        Assert.Contains("ledger sent 300; sink received 300, duplicates 0, lost 0", result.Out, StringComparison.Ordinal);
        Assert.Contains("ledger sent 30; sink received 30, duplicates 0, lost 0", result.Out, StringComparison.Ordinal);
        Assert.Contains("ratio ours / naive:", result.Out, StringComparison.Ordinal);
    }
}
