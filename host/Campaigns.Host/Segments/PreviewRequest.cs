using System.ComponentModel;
using System.Text.Json;
using Campaigns.Campaign;
using Campaigns.Host.Cli;
using Campaigns.Segments;

namespace Campaigns.Host.Segments;

/// <summary>
/// One segment preview request, as the API (<c>POST /api/v1/segments/preview</c>) and the dashboard form send it:
/// <c>{"stage": "kmeans-segment", "options": {...}, "sample": 20}</c>, or <c>{"rule": "orders_total >= 5", "sample": 20}</c>
/// for a rule segment. Both callers answer with the status and JSON this returns, so they cannot drift apart.
/// </summary>
internal static class PreviewRequest
{
    /// <summary>Most sample members one request may ask for.</summary>
    public const int MaxSample = 200;

    private const string RuleStage = "rule-segment";
    private const string RuleOption = "$.audience.options.expression";

    /// <summary>Reads the body, runs the preview; 200 with the preview, or 400 with every problem and its path.</summary>
    public static async Task<(int Status, string Json)> HandleAsync(Stream body, SegmentPreview preview, CancellationToken cancellationToken)
    {
        string stage;
        JsonElement? options;
        int sample;
        bool rule;
        try
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Refused("$", "must be a JSON object");
            rule = root.TryGetProperty("rule", out var r) && r.ValueKind == JsonValueKind.String;
            stage = rule ? RuleStage : root.TryGetProperty("stage", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
            options = rule ? JsonSerializer.SerializeToElement(new { expression = r.GetString() })
                : root.TryGetProperty("options", out var o) && o.ValueKind != JsonValueKind.Null ? o.Clone() : null;
            sample = root.TryGetProperty("sample", out var n) && n.TryGetInt32(out var size) ? size : SegmentPreview.DefaultSample;
        }
        catch (JsonException ex)
        {
            return Refused("$", "not valid JSON: " + ex.Message);
        }
        if (sample is < 0 or > MaxSample) return Refused("$.sample", $"must be between 0 and {MaxSample}");
        try
        {
            return (StatusCodes.Status200OK, PreviewJson.Write(await preview.PreviewAsync(stage, options, sample, cancellationToken)));
        }
        catch (CampaignDefinitionException ex)
        {
            // With the rule shortcut the mistake is in the body's "rule", and the message carries its position.
            return (StatusCodes.Status400BadRequest, JsonSerializer.Serialize(new
            {
                errors = ex.Errors.Select(e => new { path = rule && e.Path == RuleOption ? "$.rule" : e.Path, message = e.Message }),
            }));
        }
        catch (InvalidOperationException ex)
        {
            // The stage could not be computed on this data (a cluster that does not exist, too little history).
            return Refused("$.options", ex.Message);
        }
    }

    private static (int, string) Refused(string path, string message) =>
        (StatusCodes.Status400BadRequest, JsonSerializer.Serialize(new { errors = new[] { new { path, message } } }));
}

/// <summary>The body of <c>POST /api/v1/segments/preview</c>, as the OpenAPI document shows it (the endpoint reads JSON itself).</summary>
[Description("A segment to preview: a rule over profiles, or any audience stage with its options.")]
internal sealed record PreviewRequestDoc(
    [property: Description("A rule-segment expression, e.g. orders_total >= 5 and affinity(\"BAG\") > 0.2; when given, stage and options are ignored.")] string? Rule,
    [property: Description("An audience stage key, e.g. kmeans-segment, propensity-segment, rule-segment, active-customers.")] string? Stage,
    [property: Description("The stage's options, as in a campaign definition's audience.options.")] JsonElement? Options,
    [property: Description("Sample members returned, 0 to 200; default 20.")] int? Sample);
