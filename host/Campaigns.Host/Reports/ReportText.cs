using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Campaigns.Learning;
using Campaigns.Learning.Reporting;

namespace Campaigns.Host.Reports;

/// <summary>The report as a marketer reads it in a terminal, and as JSON for the API and <c>--json</c>.</summary>
internal static class ReportText
{
    /// <summary>Web names; open intervals (too few recipients) as "Infinity" rather than an error.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static string Format(ExperimentReport report)
    {
        var text = new StringBuilder();
        var recipients = report.Arms.Sum(a => a.Recipients);
        text.AppendLine(Invariant($"campaign {report.CampaignId}: {recipients:N0} recipients in {report.Arms.Count} arms; a conversion is a purchase within {report.WindowHours:0.#} h of the customer's decision, counted the same way for every arm and the holdout"));
        text.AppendLine(Invariant($"{"arm",-12}{"recipients",11}{"sends",9}{"opens",9}{"clicks",9}{"converted",10}{"rate",8}{"revenue",12}{"rev/recip.",11}{"attributed",11}{"attr. rev.",12}"));
        foreach (var a in report.Arms)
            text.AppendLine(Invariant($"{a.Arm,-12}{a.Recipients,11:N0}{a.Sends,9:N0}{a.Opens,9:N0}{a.Clicks,9:N0}{a.Converters,10:N0}{a.ConversionRate * 100,7:0.00}%{a.Revenue,12:N2}{a.RevenuePerRecipient,11:0.000}{a.AttributedConversions,11:N0}{a.AttributedRevenue,12:N2}"));
        foreach (var c in report.Comparisons)
        {
            text.AppendLine(Invariant($"{c.Arm} vs {c.Against}: conversion rate {Points(c.ConversionRate)}; revenue per recipient {Money(c.RevenuePerRecipient)}"));
            var target = report.Arms[0].ConversionRate * c.TargetLift;
            text.AppendLine(Invariant($"  detectable now: a change of {c.DetectableNow * 100:0.00} pts; to detect +{c.TargetLift * 100:0.#}% ({target * 100:0.000} pts) each arm needs {c.NeededPerArm:N0} recipients: ") +
                (c.EnoughData ? "enough data" : "not enough data yet"));
            if (c.PerCustomer)
                text.AppendLine("  intervals per customer: the same customers recur across occurrences, so each counts as one unit, not one per decision");
        }
        return text.ToString();
    }

    private static string Points(Interval i) =>
        Invariant($"{i.Estimate * 100:+0.00;-0.00} pts [{i.Low * 100:+0.00;-0.00}, {i.High * 100:+0.00;-0.00}] ") + Verdict(i);

    private static string Money(Interval i) =>
        double.IsFinite(i.Low) ? Invariant($"{i.Estimate:+0.000;-0.000} [{i.Low:+0.000;-0.000}, {i.High:+0.000;-0.000}] ") + Verdict(i) : "(too few recipients)";

    private static string Verdict(Interval i) => i.ExcludesZero ? "significant" : "not significant";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
