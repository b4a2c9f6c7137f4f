using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Cli;

/// <summary>The <c>models</c> verb as an operator runs it: retrain, list, refusals with clear messages, rollback.</summary>
public sealed class ModelsVerbTests
{
    [Fact]
    public async Task Retrain_list_and_rollback_from_the_command_line_on_sqlite()
    {
        using var host = new HostProcess();
        await RunAsync(host);
    }

    [Fact]
    public async Task Retrain_list_and_rollback_from_the_command_line_on_postgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var host = new HostProcess(database.ConnectionString);
        await RunAsync(host);
    }

    private static async Task RunAsync(HostProcess host)
    {
        var import = await host.RunAsync("import", Repo.SampleData);
        Assert.True(import.ExitCode == 0, import.ToString());

        var refused = await host.RunAsync("models", "retrain", "most-popular");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("most-popular cannot be retrained", refused.Error, StringComparison.Ordinal);

        var first = await host.RunAsync("models", "retrain", "item-knn", "--window-days", "30");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("item-knn v1, live", first.Out, StringComparison.Ordinal);
        // Older, staler purchases predict the sample's last month worse: kept, not deployed, and the exit code says the gate worked.
        var worse = await host.RunAsync("models", "retrain", "item-knn", "--window-days", "120");
        Assert.True(worse.ExitCode == 0, worse.ToString());
        Assert.Contains("item-knn v2, rejected", worse.Out, StringComparison.Ordinal);

        var list = await host.RunAsync("models", "list", "item-knn");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("item-knn v1 stays live", list.Out, StringComparison.Ordinal);

        var unknown = await host.RunAsync("models", "rollback", "item-knn", "9");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("has no version 9; its versions are: 1, 2", unknown.Error, StringComparison.Ordinal);

        var rollback = await host.RunAsync("models", "rollback", "item-knn", "2");
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("item-knn v2", rollback.Out, StringComparison.Ordinal);
        var after = await host.RunAsync("models", "list");
        Assert.Matches(@"item-knn\s+\w+\s+1\s+retired", after.Out);
        Assert.Matches(@"item-knn\s+\w+\s+2\s+live", after.Out);
    }
}
