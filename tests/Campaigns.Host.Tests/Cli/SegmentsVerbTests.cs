using System.Text.Json;
using Campaigns.Host.Tests.Plugins;
using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Cli;

/// <summary>The <c>segments</c> verb over imported data with planted groups, on both databases, through the real executable.</summary>
public sealed class SegmentsVerbTests
{
    [Fact]
    public async Task Clusters_and_propensity_are_reported_on_sqlite()
    {
        using var host = new HostProcess();
        await ReportAsync(host);
    }

    [Fact]
    public async Task Clusters_and_propensity_are_reported_on_postgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var host = new HostProcess(database.ConnectionString);
        await ReportAsync(host);
    }

    private static async Task ReportAsync(HostProcess host)
    {
        host.SetEnvironment("Campaigns__Sample__Enabled", "false");
        var file = Path.Combine(host.Folder, "planted.csv");
        await File.WriteAllTextAsync(file, PlantedShop.Csv(PlantedShop.ThreeGroups()));
        var import = await host.RunAsync("import", file);
        Assert.True(import.ExitCode == 0, import.ToString());

        var clusters = await host.RunAsync("segments", "clusters");
        Assert.True(clusters.ExitCode == 0, clusters.ToString());
        Assert.Contains("120 customers, k=3 chosen by the lowest Davies-Bouldin index", clusters.Out);
        foreach (var name in new[] { "recent frequent high spenders", "lapsed one-time low spenders", "recent one-time low spenders" })
            Assert.Contains($"{name}: 40 customers", clusters.Out);

        var json = await host.RunAsync("segments", "clusters", "--k", "2", "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        using var report = JsonDocument.Parse(json.Out);
        Assert.Equal(2, report.RootElement.GetProperty("segments").GetArrayLength());

        var propensity = await host.RunAsync("segments", "propensity", "--target", "buy", "--horizon", "30", "--top", "25");
        Assert.True(propensity.ExitCode == 0, propensity.ToString());
        Assert.Contains("AUC recency only (baseline):", propensity.Out);
        Assert.Matches(@"top 25% most likely to buy: \d+ customers", propensity.Out);

        var bad = await host.RunAsync("segments", "propensity", "--target", "sell");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("propensity-segment.options.target", bad.Error);
        var badK = await host.RunAsync("segments", "clusters", "--k", "1");
        Assert.Equal(2, badK.ExitCode);
        Assert.Contains("kmeans-segment.options.k", badK.Error);
    }
}
