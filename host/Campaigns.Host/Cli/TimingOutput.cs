using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Campaigns.Evaluation.Timing;

namespace Campaigns.Host.Cli;

/// <summary>Prints send-time evaluation results: an aligned table, or JSON lines whose keys are part of the command line's contract.</summary>
internal static class TimingOutput
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static void WriteJson(TextWriter writer, IReadOnlyList<TimingResult> results)
    {
        foreach (var r in results)
        {
            var line = new JsonObject
            {
                ["strategy"] = r.Strategy,
                ["exact_hour"] = Math.Round(r.ExactHour, 6),
                ["within_1h"] = Math.Round(r.Within1h, 6),
                ["customers"] = r.Customers,
                ["events"] = r.Events,
            };
            writer.WriteLine(line.ToJsonString(Compact));
        }
    }

    public static void WriteTable(TextWriter writer, IReadOnlyList<TimingResult> results)
    {
        var width = Math.Max("strategy".Length, results.Count == 0 ? 0 : results.Max(r => r.Strategy.Length));
        string[] headers = ["exact hour", "within 1h", "customers", "events"];
        writer.WriteLine("strategy".PadRight(width) + string.Concat(headers.Select(h => "  " + h.PadLeft(10))));
        foreach (var r in results)
        {
            string[] cells =
            [
                r.ExactHour.ToString("0.0000", CultureInfo.InvariantCulture), r.Within1h.ToString("0.0000", CultureInfo.InvariantCulture),
                r.Customers.ToString(CultureInfo.InvariantCulture), r.Events.ToString(CultureInfo.InvariantCulture),
            ];
            writer.WriteLine(r.Strategy.PadRight(width) + string.Concat(cells.Select(c => "  " + c.PadLeft(10))));
        }
    }
}
