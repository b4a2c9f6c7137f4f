using System.Globalization;
using System.Text;
using System.Text.Json;
using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Cli;

/// <summary>The <c>evaluate</c> verb through the real host: stable JSON keys, clear errors, and the reference figures.</summary>
public sealed class EvaluateVerbTests
{
    private static readonly string[] Keys5 = ["algorithm", "ndcg@5", "precision@5", "recall@5", "map@5", "hit@5", "coverage", "train_seconds", "recommend_seconds", "users"];

    [Fact]
    public async Task Json_gives_one_parseable_line_per_algorithm_with_the_stable_keys()
    {
        using var host = new HostProcess();
        var file = await WriteAsync(host, SmallShop());

        var all = await host.RunAsync("evaluate", "--input", file, "--k", "5", "--json");
        Assert.True(all.ExitCode == 0, all.ToString());
        var lines = all.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        var algorithms = new List<string>();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(Keys5, json.RootElement.EnumerateObject().Select(p => p.Name));
            algorithms.Add(json.RootElement.GetProperty("algorithm").GetString()!);
            Assert.InRange(json.RootElement.GetProperty("ndcg@5").GetDouble(), 0, 1);
        }
        Assert.Contains("most-popular", algorithms);
        Assert.Equal(algorithms.Count, algorithms.Distinct().Count());

        var one = await host.RunAsync("evaluate", "--input", file, "--split", "stratified-user", "--ratio", "0.8", "--seed", "7",
            "--remove-seen", "false", "--algorithms", "most-popular", "--options", """most-popular={"windowDays":3650}""", "--json");
        Assert.True(one.ExitCode == 0, one.ToString());
        using var single = JsonDocument.Parse(Assert.Single(one.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("most-popular", single.RootElement.GetProperty("algorithm").GetString());
        Assert.True(single.RootElement.TryGetProperty("ndcg@10", out _), one.Out);
    }

    [Fact]
    public async Task A_malformed_line_is_reported_with_its_number_and_the_rest_is_evaluated()
    {
        using var host = new HostProcess();
        var lines = SmallShop().Split('\n').ToList();
        lines.Insert(4, "u99,i1,not-a-time,1"); // becomes line 5 of the file
        var file = await WriteAsync(host, string.Join('\n', lines));

        var result = await host.RunAsync("evaluate", "--input", file, "--algorithms", "most-popular");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{file}:5: timestamp 'not-a-time'", result.Error);
        Assert.Contains("most-popular", result.Out);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("user_id,item_id,timestamp\nu1,i1,1700000000\nu1,i2,1700000100\n", "only one user")]
    public async Task Unusable_input_exits_2_with_a_clear_error(string text, string reason)
    {
        using var host = new HostProcess();
        var result = await host.RunAsync("evaluate", "--input", await WriteAsync(host, text));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(reason, result.Error);
    }

    [Fact]
    public async Task Unknown_algorithms_and_bad_options_exit_2()
    {
        using var host = new HostProcess();
        var file = await WriteAsync(host, SmallShop());

        var unknown = await host.RunAsync("evaluate", "--input", file, "--algorithms", "no-such-thing");
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("no-such-thing: no recommender stage has this key", unknown.Error);

        var bad = await host.RunAsync("evaluate", "--input", file, "--algorithms", "most-popular", "--options", """most-popular={"windowDays":0}""");
        Assert.True(bad.ExitCode == 2, bad.ToString());
        Assert.Contains("most-popular.options.windowDays", bad.Error);
    }

    /// <summary>
    /// The reference figures of ../shared/data/online-retail/README.md: most-popular over the whole training window,
    /// temporal split at 2011-09-01, top 10. Repeat purchases counting: 0.115; only items new to the user: 0.057.
    /// </summary>
    [Theory]
    [InlineData("false", 0.115)]
    [InlineData("true", 0.057)]
    public async Task Most_popular_reproduces_the_reference_ndcg_on_Online_Retail(string removeSeen, double expected)
    {
        var ndcg = await OnlineRetailNdcgAsync("most-popular", """{"windowDays":3650}""", removeSeen);
        Assert.True(Math.Abs(ndcg - expected) <= 0.01, $"nDCG@10 {ndcg.ToString(CultureInfo.InvariantCulture)}, expected {expected} ± 0.01");
    }

    /// <summary>
    /// The reference's simpler baselines (same file, split and k): buy-again as a plain purchase count (ties to the item
    /// bought first) 0.342 with repeats counting; item-kNN over plain cosine neighbours, 100 per item, an item scored
    /// only through the customer's other items: 0.220 with repeats counting, 0.093 counting new items only.
    /// </summary>
    [Theory]
    [InlineData("buy-again", """{"score":"count"}""", "false", 0.342)]
    [InlineData("item-knn", """{"selfSimilarity":0,"neighbours":100}""", "false", 0.220)]
    [InlineData("item-knn", """{"selfSimilarity":0,"neighbours":100}""", "true", 0.093)]
    public async Task Reference_baselines_reproduce_on_Online_Retail_with_their_options(string algorithm, string options, string removeSeen, double expected)
    {
        var ndcg = await OnlineRetailNdcgAsync(algorithm, options, removeSeen);
        Assert.True(Math.Abs(ndcg - expected) <= 0.01, $"{algorithm} nDCG@10 {ndcg.ToString(CultureInfo.InvariantCulture)}, expected {expected} ± 0.01");
    }

    [Fact]
    public async Task The_default_buy_again_and_item_knn_stay_above_the_reference_baselines()
    {
        // The options above are for reproducing; the defaults campaigns use rank repeat purchases better.
        var result = await OnlineRetailAsync("buy-again,item-knn", [], "false");
        var ndcg = new Dictionary<string, double>();
        foreach (var line in result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            ndcg[json.RootElement.GetProperty("algorithm").GetString()!] = json.RootElement.GetProperty("ndcg@10").GetDouble();
        }
        Assert.True(ndcg["buy-again"] > 0.342 + 0.02, result.Out);
        Assert.True(ndcg["item-knn"] > 0.220 + 0.05, result.Out);
    }

    private static async Task<double> OnlineRetailNdcgAsync(string algorithm, string options, string removeSeen)
    {
        var result = await OnlineRetailAsync(algorithm, ["--options", $"{algorithm}={options}"], removeSeen);
        using var json = JsonDocument.Parse(result.Out.Trim());
        return json.RootElement.GetProperty("ndcg@10").GetDouble();
    }

    private static async Task<CliResult> OnlineRetailAsync(string algorithms, string[] options, string removeSeen)
    {
        var file = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "data", "online-retail", "online_retail_2010-12_2011-12.csv.gz"));
        Assert.True(File.Exists(file), $"the reference data set is missing: {file}");
        using var host = new HostProcess();
        var result = await host.RunAsync(["evaluate", "--input", file, "--split-at", "2011-09-01", "--k", "10", "--remove-seen", removeSeen,
            "--algorithms", algorithms, .. options, "--json"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    /// <summary>40 customers of a small shop: everyone buys the staples, every fifth one a niche item, over 40 days.</summary>
    private static string SmallShop()
    {
        var text = new StringBuilder("user_id,item_id,timestamp,weight\n");
        var start = new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);
        for (var u = 0; u < 40; u++)
        {
            for (var i = 0; i < 6; i++)
            {
                if ((u + i) % 3 == 0) continue;
                var item = i < 4 ? $"staple-{i}" : $"niche-{(u % 5) + i}";
                text.Append(CultureInfo.InvariantCulture, $"u{u},{item},{start.AddDays(u + i).ToUnixTimeSeconds()},{1 + (u % 3)}\n");
            }
        }
        return text.ToString();
    }

    /// <summary>Writes <paramref name="text"/> to a file of that name in the host's folder and returns its path.</summary>
    internal static async Task<string> WriteAsync(HostProcess host, string text, string name = "interactions.csv")
    {
        var file = Path.Combine(host.Folder, name);
        await File.WriteAllTextAsync(file, text);
        return file;
    }
}
