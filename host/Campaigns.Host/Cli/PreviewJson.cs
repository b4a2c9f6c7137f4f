using System.Globalization;
using System.Text;
using System.Text.Json;
using Campaigns.Segments;

namespace Campaigns.Host.Cli;

/// <summary>A segment preview as JSON (CLI <c>--json</c> and the dashboard endpoint) or as a text table.</summary>
internal static class PreviewJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(SegmentPreviewResult result) => JsonSerializer.Serialize(new
    {
        stage = result.Stage,
        size = result.Size,
        model = result.Model,
        modelSource = result.ModelSource,
        fields = result.Fields,
        sample = result.Sample.Select(m => new { customerId = m.CustomerId, fields = m.Fields }),
        elapsedMs = Math.Round(result.Elapsed.TotalMilliseconds, 1),
    }, Json);

    public static string Table(SegmentPreviewResult result)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{result.Stage}: {result.Size:N0} customers ({result.Elapsed.TotalMilliseconds:N0} ms)");
        if (result.ModelSource != PreviewModelSource.None) text.Append(", model: ").Append(result.Model ?? result.ModelSource);
        text.AppendLine();
        foreach (var member in result.Sample)
        {
            text.Append("  ").Append(member.CustomerId);
            foreach (var (name, value) in member.Fields) text.Append("  ").Append(name).Append('=').Append(JsonSerializer.Serialize(value, Json));
            text.AppendLine();
        }
        return text.ToString().TrimEnd();
    }
}
