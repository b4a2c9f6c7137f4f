using System.Globalization;
using Campaigns.Charts;
using Campaigns.Learning;
using Campaigns.Learning.Reporting;

namespace Campaigns.Host.Reports;

/// <summary>The report's chart: cumulative conversion rate per arm by day of decision, with its 95% band.</summary>
internal static class ReportChart
{
    public static string Svg(ExperimentReport report)
    {
        var days = report.Days.Select(d => d.Day).Distinct().Order().ToList();
        var z = Normal.Quantile(0.975);
        var series = report.Arms.Select(arm =>
        {
            var byDay = report.Days.Where(d => d.Arm == arm.Arm).ToDictionary(d => d.Day);
            long recipients = 0, converters = 0;
            var (rate, low, high) = (new List<double>(), new List<double>(), new List<double>());
            foreach (var day in days)
            {
                if (byDay.TryGetValue(day, out var d)) (recipients, converters) = (recipients + d.Recipients, converters + d.Converters);
                var p = recipients == 0 ? 0 : (double)converters / recipients;
                var half = recipients == 0 ? 0 : z * Math.Sqrt(p * (1 - p) / recipients);
                rate.Add(p * 100);
                low.Add(Math.Max(0, p - half) * 100);
                high.Add((p + half) * 100);
            }
            return new ChartSeries(arm.Arm, rate, low, high);
        }).ToList();
        return LineChart.Svg($"Campaign {report.CampaignId}: cumulative conversion rate per arm",
            $"day of decision (purchase within {report.WindowHours.ToString("0.#", CultureInfo.InvariantCulture)} h)", "conversion rate (%)",
            series, [.. days.Select(d => d.ToString("MM-dd", CultureInfo.InvariantCulture))]);
    }
}
