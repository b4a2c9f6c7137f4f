using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Host.Segments;
using Campaigns.Segments;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>segments clusters|propensity ...</c>: computes the machine-learned segments over the stored data and prints them
/// (cluster names, sizes and centroids; propensity AUC against baselines, lift and the segment size), so a marketer can
/// pick one for a campaign's <c>kmeans-segment</c> or <c>propensity-segment</c> audience.
/// </summary>
internal sealed class SegmentsVerb : ICliVerb
{
    public string Name => "segments";
    public string Usage => "segments clusters [--k N | --k-min 2 --k-max 8] [--seed 0] [--anchor auto] [--json]   K-means clusters: names, sizes, centroids" +
                           Environment.NewLine + "  segments propensity [--target buy|churn] [--horizon 30] [--top 10] [--active-days 90] [--windows 3] [--trees 30] [--leaves 4] [--seed 0] [--anchor auto] [--json]   model AUC, lift and segment size";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string key;
        JsonObject options;
        bool json;
        try
        {
            var cli = new CliArgs(args, new HashSet<string> { "json" });
            (key, options) = cli.Positional switch
            {
                ["clusters"] => ("kmeans-segment", Options(cli, ("k", "k", true), ("k-min", "kMin", true), ("k-max", "kMax", true), ("seed", "seed", true), ("anchor", "anchor", false))),
                ["propensity"] => ("propensity-segment", Options(cli, ("target", "target", false), ("horizon", "horizonDays", true), ("top", "topPercent", true),
                    ("active-days", "activeDays", true), ("windows", "trainingWindows", true), ("trees", "trees", true), ("leaves", "leaves", true), ("seed", "seed", true), ("anchor", "anchor", false))),
                _ => throw new ArgumentException("say which segments: clusters or propensity"),
            };
            json = cli.Flag("json");
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }

        try
        {
            var insights = ActivatorUtilities.CreateInstance<SegmentInsightsService>(services);
            var report = await insights.DescribeAsync(key, JsonSerializer.SerializeToElement(options), CancellationToken.None);
            if (json) SegmentReportOutput.WriteJson(Console.Out, report);
            else SegmentReportOutput.WriteText(Console.Out, report);
            return 0;
        }
        catch (SegmentInsightsException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
    }

    /// <summary>The stage options from the command line: only the given ones, numbers as numbers, so the stage's defaults and validation apply.</summary>
    private static JsonObject Options(CliArgs cli, params (string Flag, string Option, bool Number)[] known)
    {
        var unknown = cli.Names.Where(n => n != "json" && known.All(k => k.Flag != n)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"unknown option --{unknown[0]}");
        var options = new JsonObject();
        foreach (var (flag, option, number) in known)
        {
            if (cli.Get(flag) is not { } value) continue;
            if (!number) { options[option] = value; continue; }
            options[option] = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                ? n == Math.Floor(n) && Math.Abs(n) < int.MaxValue ? JsonValue.Create((int)n) : JsonValue.Create(n)
                : throw new ArgumentException($"--{flag} must be a number, got '{value}'");
        }
        return options;
    }
}
