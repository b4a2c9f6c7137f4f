using System.Text.Json;
using System.Xml.Linq;
using Campaigns.Data;
using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Cli;

/// <summary>
/// <c>report</c> and <c>evaluate-policy</c> through the real executable over a logged experiment with known results,
/// once on SQLite and once on PostgreSQL.
/// </summary>
public sealed class ExperimentVerbsTests
{
    [Fact]
    public async Task Report_and_policy_evaluation_on_sqlite()
    {
        using var host = new HostProcess();
        await ExperimentLog.WriteAsync(CampaignsDatabase.SqliteFile(Path.Combine(host.DataFolder, CampaignsDatabase.SqliteFileName)));
        await ReportAndEvaluateAsync(host);
    }

    [Fact]
    public async Task Report_and_policy_evaluation_on_postgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var host = new HostProcess(database.ConnectionString);
        await ExperimentLog.WriteAsync(CampaignsDatabase.PostgreSql(database.ConnectionString));
        await ReportAndEvaluateAsync(host);
    }

    private static async Task ReportAndEvaluateAsync(HostProcess host)
    {
        var svg = Path.Combine(host.Folder, "report.svg");
        var report = await host.RunAsync("report", ExperimentLog.Campaign, "--svg", svg);
        Assert.True(report.ExitCode == 0, report.ToString());
        // Conversion is a purchase within 7 days of the decision for every arm: the late purchases do not count, the holdout's do.
        Assert.Contains("campaign promo: 1,000 recipients in 3 arms; a conversion is a purchase within 168 h", report.Out);
        Assert.Matches(@"holdout\s+200\s+0\s+0\s+0\s+20\s+10\.00%\s+200\.00\s+1\.000\s+0\s+0\.00", report.Out);
        Assert.Matches(@"a\s+400\s+400\s+0\s+0\s+80\s+20\.00%\s+800\.00\s+2\.000\s+80\s+800\.00", report.Out);
        Assert.Matches(@"b\s+400\s+400\s+0\s+0\s+120\s+30\.00%\s+1,200\.00\s+3\.000\s+120\s+1,200\.00", report.Out);
        Assert.Contains("b vs holdout: conversion rate +20.00 pts [+13.88, +26.12] significant", report.Out);
        Assert.Contains("to detect +10% (1.000 pts) each arm needs 14,", report.Out);
        Assert.Contains("not enough data yet", report.Out);
        var chart = XDocument.Load(svg).Root!;
        Assert.Equal(3, chart.Descendants(XName.Get("polyline", "http://www.w3.org/2000/svg")).Count());

        var json = await host.RunAsync("report", ExperimentLog.Campaign, "--json", "--window-days", "30");
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Out);
        var arms = document.RootElement.GetProperty("arms").EnumerateArray().ToList();
        Assert.Equal(["holdout", "a", "b"], arms.Select(a => a.GetProperty("arm").GetString()));
        // With a 30-day window the late purchases count too: 29 holdout customers bought late, 3 of whom had bought early.
        Assert.Equal((46, 3_071m), (arms[0].GetProperty("converters").GetInt64(), arms[0].GetProperty("revenue").GetDecimal()));
        Assert.Equal(3, document.RootElement.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("day").GetString()).Distinct().Count());

        var evaluation = await host.RunAsync("evaluate-policy", ExperimentLog.Campaign, "--always", "b", "--reward", "purchase", "--feature", "segment");
        Assert.True(evaluation.ExitCode == 0, evaluation.ToString());
        Assert.Contains("evaluate-policy promo: 1,000 variant decisions, reward = purchase", evaluation.Out);
        Assert.Contains("logged policy (split v1): 0.2200 [", evaluation.Out);
        Assert.Contains("IPS            0.3000 [", evaluation.Out);
        Assert.Contains("SNIPS          0.3000 [", evaluation.Out);
        Assert.Contains("doubly robust  0.3000 [", evaluation.Out);
        Assert.Contains("mean weight 1.000", evaluation.Out);
        Assert.DoesNotContain("warning", evaluation.Out);

        var badLift = await host.RunAsync("report", ExperimentLog.Campaign, "--mde", "-1");
        Assert.Equal(2, badLift.ExitCode);
        Assert.Contains("--mde: '-1' must be a relative lift above 0", badLift.Error);
        var badSplit = await host.RunAsync("evaluate-policy", ExperimentLog.Campaign, "--split", "a=0.5,b=x");
        Assert.Equal(2, badSplit.ExitCode);
        Assert.Contains("'b=x' is not action=share", badSplit.Error);
        var unknown = await host.RunAsync("report", "nothing-logged");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("campaign 'nothing-logged' has no logged variant decisions", unknown.Error);
    }
}
