using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Cli;

/// <summary>The <c>generate</c> verb and <c>bench recommend</c> through the real host.</summary>
public sealed class GenerateVerbTests
{
    [Fact]
    public async Task Generates_a_gzip_file_that_is_the_same_for_the_same_seed()
    {
        using var host = new HostProcess();
        var first = Path.Combine(host.Folder, "a.csv.gz");
        var second = Path.Combine(host.Folder, "b.csv.gz");

        var a = await host.RunAsync("generate", "--customers", "300", "--items", "200", "--events-per-customer", "5", "--seed", "3", "--output", first);
        var b = await host.RunAsync("generate", "--customers", "300", "--items", "200", "--events-per-customer", "5", "--seed", "3", "--output", second);

        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(b.ExitCode == 0, b.ToString());
        Assert.Contains("300 customers", a.Out);
        var text = await Unzip(first);
        Assert.Equal(text, await Unzip(second));
        Assert.StartsWith("user_id,item_id,timestamp,event_type,quantity,value\n", text);
    }

    /// <summary>
    /// The planted structure is learnable: on a generated shop, item-knn (which sees the category and partner structure
    /// through co-purchases) ranks new items better than most-popular, through the real evaluate verb.
    /// </summary>
    [Fact]
    public async Task Item_knn_beats_most_popular_on_a_generated_shop()
    {
        using var host = new HostProcess();
        var file = Path.Combine(host.Folder, "shop.csv");
        var generated = await host.RunAsync("generate", "--customers", "3000", "--items", "1000", "--events-per-customer", "15", "--output", file);
        Assert.True(generated.ExitCode == 0, generated.ToString());

        var result = await host.RunAsync("evaluate", "--input", file, "--split", "stratified-user", "--remove-seen", "true",
            "--algorithms", "most-popular,item-knn", "--options", """most-popular={"windowDays":3650}""", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var ndcg = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(r => r.GetProperty("algorithm").GetString()!, r => r.GetProperty("ndcg@10").GetDouble());
        Assert.True(ndcg["item-knn"] > ndcg["most-popular"] * 1.2,
            $"item-knn {ndcg["item-knn"].ToString(CultureInfo.InvariantCulture)}, most-popular {ndcg["most-popular"].ToString(CultureInfo.InvariantCulture)}");
    }

    [Theory]
    [InlineData("--customers 1", "--customers must be at least 2")]
    [InlineData("--customers many", "--customers must be a whole number")]
    [InlineData("--items 1", "--items must be at least 2")]
    [InlineData("--events-per-customer 0", "--events-per-customer must be between 1 and 10000")]
    [InlineData("--categories 500", "--categories must be between 1 and --items")]
    [InlineData("--end someday", "--end must be a date")]
    [InlineData("--customers 100000000 --events-per-customer 100", "at most 1,000,000,000 events")]
    [InlineData("extra", "unexpected argument 'extra'")]
    public async Task Bad_arguments_exit_2_with_the_reason(string arguments, string reason)
    {
        using var host = new HostProcess();
        string[] args = ["generate", "--items", "100", "--output", Path.Combine(host.Folder, "x.csv"), .. arguments.Split(' ')];

        var result = await host.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(reason, result.Error);
        Assert.False(File.Exists(Path.Combine(host.Folder, "x.csv")));
    }

    [Fact]
    public async Task A_missing_output_or_folder_exits_2()
    {
        using var host = new HostProcess();

        var missing = await host.RunAsync("generate", "--customers", "10");
        var folder = await host.RunAsync("generate", "--customers", "10", "--output", Path.Combine(host.Folder, "no-such-folder", "x.csv"));

        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("--output FILE is required", missing.Error);
        Assert.True(folder.ExitCode == 2, folder.ToString());
        Assert.Contains("does not exist", folder.Error);
    }

    [Fact]
    public async Task Bench_recommend_asks_for_every_customer_of_the_file()
    {
        using var host = new HostProcess();
        var file = Path.Combine(host.Folder, "shop.csv.gz");
        var generated = await host.RunAsync("generate", "--customers", "500", "--items", "100", "--events-per-customer", "4", "--output", file);
        Assert.True(generated.ExitCode == 0, generated.ToString());

        var result = await host.RunAsync("bench", "recommend", "--input", file, "--algorithms", "most-popular,buy-again,item-knn", "--k", "5", "--batch", "64");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("500 customers", result.Out);
        foreach (var key in new[] { "most-popular", "buy-again", "item-knn" })
            Assert.Contains($"{key}: train", result.Out);
        Assert.Contains("for 500 customers", result.Out);
        Assert.Contains("short lists 0,", result.Out);
        Assert.Contains("process peak working set", result.Out);

        var unknown = await host.RunAsync("bench", "recommend", "--input", file, "--algorithms", "no-such-thing");
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("no-such-thing: no recommender stage has this key", unknown.Error);

        var noInput = await host.RunAsync("bench", "recommend", "--k", "5");
        Assert.True(noInput.ExitCode == 2, noInput.ToString());
        Assert.Contains("--input FILE is required", noInput.Error);

        var noCustomers = await host.RunAsync("bench", "recommend", "--input", file, "--customers", "0");
        Assert.True(noCustomers.ExitCode == 2, noCustomers.ToString());
        Assert.Contains("--customers must be at least 1", noCustomers.Error);
    }

    private static async Task<string> Unzip(string path)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync();
    }
}
