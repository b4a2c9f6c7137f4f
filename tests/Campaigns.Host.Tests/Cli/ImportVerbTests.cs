using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Cli;

/// <summary>The <c>import</c> verb reports bad lines with their numbers, imports the rest, and adds nothing twice.</summary>
public sealed class ImportVerbTests
{
    private const string Interactions = """
        user_id,item_id,timestamp,event_type,quantity,value
        u1,sku-1,1700000000,purchase,2,9.5
        u2,sku-1,2023-11-14T22:13:20Z,view,1,0
        u3,sku-2,not-a-time,purchase,1,1
        u4,sku-3,1700000100,teleport,1,1
        u5,sku-2,1700000200,cart_add,1,3
        """;

    [Fact]
    public async Task Bad_lines_are_reported_with_line_numbers_and_the_rest_imports_once_on_sqlite()
    {
        using var host = new HostProcess();
        await ImportTwiceAsync(host);
    }

    [Fact]
    public async Task Bad_lines_are_reported_with_line_numbers_and_the_rest_imports_once_on_postgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var host = new HostProcess(database.ConnectionString);
        await ImportTwiceAsync(host);
    }

    private static async Task ImportTwiceAsync(HostProcess host)
    {
        var file = Path.Combine(host.Folder, "interactions.csv");
        await File.WriteAllTextAsync(file, Interactions);

        var first = await host.RunAsync("import", file);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("events added 3", first.Out);
        Assert.Contains("bad rows 2", first.Out);
        Assert.Contains($"{file}:4:", first.Error);
        Assert.Contains($"{file}:5:", first.Error);

        var again = await host.RunAsync("import", file);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("events added 0, already present 3", again.Out);
    }

    [Fact]
    public async Task A_file_of_unknown_shape_is_refused_with_the_expected_headers()
    {
        using var host = new HostProcess();
        var file = Path.Combine(host.Folder, "orders.csv");
        await File.WriteAllTextAsync(file, "order,sku,when\n1,2,3\n");
        var result = await host.RunAsync("import", file);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("user_id,item_id,timestamp", result.Error);
    }
}
