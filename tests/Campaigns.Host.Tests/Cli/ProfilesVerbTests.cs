using System.Text.Json;
using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Cli;

/// <summary><c>profiles compute</c>, <c>profiles show</c> and <c>segment preview</c> from the command line, on both databases.</summary>
public sealed class ProfilesVerbTests
{
    [Fact]
    public async Task Profiles_are_computed_shown_and_previewed_on_sqlite()
    {
        using var host = new HostProcess();
        await ComputeShowAndPreviewAsync(host);
    }

    [Fact]
    public async Task Profiles_are_computed_shown_and_previewed_on_postgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var host = new HostProcess(database.ConnectionString);
        await ComputeShowAndPreviewAsync(host);
    }

    private static async Task ComputeShowAndPreviewAsync(HostProcess host)
    {
        Assert.Equal(0, (await host.RunAsync("import", Repo.SampleData)).ExitCode);
        var compute = await host.RunAsync("profiles", "compute");
        Assert.True(compute.ExitCode == 0, compute.ToString());
        Assert.Matches(@"computed [1-9][0-9,]* profiles", compute.Out);

        var preview = await host.RunAsync("segment", "preview", "--stage", "rule-segment", "--options", """{"expression":"orders_total >= 5"}""", "--sample", "3", "--json");
        Assert.True(preview.ExitCode == 0, preview.ToString());
        using var result = JsonDocument.Parse(preview.Out);
        Assert.True(result.RootElement.GetProperty("size").GetInt64() > 3, preview.Out);
        var first = result.RootElement.GetProperty("sample")[0];
        Assert.Equal(3, result.RootElement.GetProperty("sample").GetArrayLength());
        var orders = first.GetProperty("fields").GetProperty("orders_total").GetInt32();
        Assert.True(orders >= 5, preview.Out);

        var show = await host.RunAsync("profiles", "show", first.GetProperty("customerId").GetString()!);
        Assert.True(show.ExitCode == 0, show.ToString());
        using var profile = JsonDocument.Parse(show.Out);
        Assert.Equal(orders, profile.RootElement.GetProperty("orders_total").GetInt32());
        Assert.True(profile.RootElement.TryGetProperty("orders_90d", out _), show.Out);

        var typo = await host.RunAsync("segment", "preview", "--stage", "rule-segment", "--options", """{"expression":"ordrs_total >= 5"}""");
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("$.audience.options.expression: position 1: unknown field 'ordrs_total' (did you mean 'orders_total'?)", typo.Error);
        Assert.Equal(1, (await host.RunAsync("profiles", "show", "nobody")).ExitCode);
    }
}
