using System.Text.Json;
using Campaigns.Host.Reports;

namespace Campaigns.Host.Cli;

/// <summary><c>report &lt;campaign&gt; [--svg FILE] [--json] [--window-days N] [--mde 0.1]</c>: the experiment report of a campaign.</summary>
internal sealed class ReportVerb : ICliVerb
{
    public string Name => "report";
    public string Usage => "report <campaign> [--svg FILE] [--json] [--window-days 7] [--mde 0.1]   variants vs holdout: conversions, revenue, intervals, enough data?";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        CliArgs cli;
        ReportRequest request;
        try
        {
            cli = new CliArgs(args, new HashSet<string> { "json" });
            if (cli.Positional.Count != 1) throw new ArgumentException("name one campaign");
            request = ReportRequest.Parse(cli.Get("window-days"), cli.Get("mde"));
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message.Replace("windowDays:", "--window-days:", StringComparison.Ordinal).Replace("mde:", "--mde:", StringComparison.Ordinal));
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }

        var campaign = cli.Positional[0];
        var report = await services.GetRequiredService<CampaignReporter>().BuildAsync(campaign, request, CancellationToken.None);
        if (report is null)
        {
            Console.Error.WriteLine($"campaign '{campaign}' has no logged variant decisions");
            return 1;
        }
        Console.Write(cli.Flag("json") ? JsonSerializer.Serialize(report, new JsonSerializerOptions(ReportText.Json) { WriteIndented = true }) + Environment.NewLine : ReportText.Format(report));
        if (cli.Get("svg") is { } svg)
        {
            await File.WriteAllTextAsync(svg, ReportChart.Svg(report));
            Console.Error.WriteLine($"chart written to {svg}");
        }
        return 0;
    }
}
