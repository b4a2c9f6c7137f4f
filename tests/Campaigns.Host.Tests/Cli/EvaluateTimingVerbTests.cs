using System.Text.Json;
using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Cli;

/// <summary>The <c>evaluate-timing</c> verb through the real host: stable JSON keys, bayes against the baselines on planted habits, bad input.</summary>
public sealed class EvaluateTimingVerbTests
{
    [Fact]
    public async Task On_synthetic_habits_bayes_clearly_beats_both_baselines()
    {
        using var host = new HostProcess();
        var file = Path.Combine(host.Folder, "habits.csv");
        var generated = await host.RunAsync("generate-timing", "--output", file, "--customers", "800", "--seed", "3");
        Assert.True(generated.ExitCode == 0, generated.ToString());

        var result = await host.RunAsync("evaluate-timing", "--input", file, "--split-at", "2026-04-05", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = Parse(result.Out);
        var bayes = rows["bayes-hour-of-week"];
        Assert.True(bayes.Exact > rows["baseline:own-hour"].Exact + 0.08, result.Out);
        Assert.True(bayes.Exact > rows["baseline:global-hour"].Exact + 0.3, result.Out);
        Assert.True(bayes.Within1h > rows["baseline:own-hour"].Within1h + 0.08, result.Out);
    }

    [Fact]
    public async Task The_table_lists_every_strategy_and_a_bad_line_is_reported_with_its_number()
    {
        using var host = new HostProcess();
        var file = Path.Combine(host.Folder, "small.csv");
        var lines = new List<string> { "user_id,item_id,timestamp,event_type" };
        for (var u = 0; u < 4; u++)
            for (var d = 1; d <= 8; d++) lines.Add($"u{u},i1,2026-01-{d:00}T{9 + u}:15:00Z,purchase");
        lines.Insert(3, "u9,i1,yesterday,purchase");
        await File.WriteAllLinesAsync(file, lines);

        var result = await host.RunAsync("evaluate-timing", "--input", file, "--split-at", "2026-01-06");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{file}:4: timestamp 'yesterday'", result.Error);
        foreach (var name in new[] { "baseline:global-hour", "baseline:own-hour", "bayes-hour-of-week", "median-hour", "purchase-cycle", "fixed-local-time" })
            Assert.Contains(name, result.Out);
    }

    [Theory]
    [InlineData(new[] { "--split-at", "2011-09-01" }, "--input FILE is required")]
    [InlineData(new[] { "--input", "x.csv" }, "--split-at DATE is required")]
    [InlineData(new[] { "--input", "x.csv", "--split-at", "someday" }, "--split-at must be a date")]
    [InlineData(new[] { "--input", "x.csv", "--split-at", "2011-09-01", "--min-history", "0" }, "--min-history must be at least 1")]
    [InlineData(new[] { "--input", "x.csv", "--split-at", "2011-09-01", "--min-history", "three" }, "--min-history must be a whole number")]
    [InlineData(new[] { "--input", "x.csv", "--split-at", "2011-09-01", "--k", "3" }, "unknown option --k")]
    public async Task Bad_arguments_exit_2_with_a_clear_message(string[] args, string message)
    {
        using var host = new HostProcess();
        var result = await host.RunAsync(["evaluate-timing", .. args]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error);
    }

    [Theory]
    [InlineData(new[] { "generate-timing" }, "--output FILE is required")]
    [InlineData(new[] { "generate-timing", "--output", "x.csv", "--customers", "1" }, "--customers must be at least 2")]
    [InlineData(new[] { "simulate-timing", "--rounds", "0" }, "--rounds must be at least 1")]
    [InlineData(new[] { "simulate-timing", "--customers", "many" }, "--customers must be a whole number")]
    public async Task The_synthetic_verbs_reject_bad_arguments_with_exit_2(string[] args, string message)
    {
        using var host = new HostProcess();
        var result = await host.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task Simulate_timing_prints_regret_per_round_and_writes_the_chart()
    {
        using var host = new HostProcess();
        var svg = Path.Combine(host.Folder, "regret.svg");

        var result = await host.RunAsync("simulate-timing", "--customers", "40", "--rounds", "3", "--svg", svg);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("round,bayes thompson,bayes posterior mean,fixed 10:00", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("<svg", await File.ReadAllTextAsync(svg));
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        using var host = new HostProcess();
        var result = await host.RunAsync("evaluate-timing", "--input", Path.Combine(host.Folder, "none.csv"), "--split-at", "2011-09-01");

        Assert.True(result.ExitCode == 2, result.ToString());
    }

    private static Dictionary<string, (double Exact, double Within1h, int Customers, int Events)> Parse(string output)
    {
        var rows = new Dictionary<string, (double, double, int, int)>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var json = JsonDocument.Parse(line);
            var r = json.RootElement;
            Assert.Equal(["strategy", "exact_hour", "within_1h", "customers", "events"], r.EnumerateObject().Select(p => p.Name));
            rows[r.GetProperty("strategy").GetString()!] = (r.GetProperty("exact_hour").GetDouble(), r.GetProperty("within_1h").GetDouble(),
                r.GetProperty("customers").GetInt32(), r.GetProperty("events").GetInt32());
        }
        return rows;
    }
}
