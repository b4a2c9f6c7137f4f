using System.Globalization;
using System.Text.Json;
using Campaigns.Stages;

namespace Campaigns.Host.Segments;

/// <summary>Prints a segment report for people (one block per segment) or as one JSON object.</summary>
internal static class SegmentReportOutput
{
    /// <summary>The JSON shape of the CLI's <c>--json</c> and of the HTTP endpoint: camelCase, as the rest of the API.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void WriteText(TextWriter writer, SegmentReport report)
    {
        writer.WriteLine(report.Title);
        foreach (var figure in report.Figures) writer.WriteLine($"  {figure.Name}: {Format(figure.Value)}");
        for (var i = 0; i < report.Segments.Count; i++)
        {
            var segment = report.Segments[i];
            writer.WriteLine($"{i + 1}. {segment.Name}: {segment.Customers.ToString("N0", CultureInfo.InvariantCulture)} customers");
            if (segment.Figures.Count > 0) writer.WriteLine("   " + string.Join(" | ", segment.Figures.Select(f => $"{f.Name} {Format(f.Value)}")));
        }
    }

    public static void WriteJson(TextWriter writer, SegmentReport report) => writer.WriteLine(JsonSerializer.Serialize(report, Json));

    private static string Format(double value) => double.IsNaN(value) ? "n/a"
        : Math.Abs(value) >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);
}
