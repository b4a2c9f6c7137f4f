using System.Text.Json;
using Campaigns.Campaign;
using Campaigns.Host.Cli;
using Campaigns.Segments;
using Hangfire.Dashboard;

namespace Campaigns.Host.Dashboard;

/// <summary>
/// <c>POST /hangfire/campaigns/segments/preview</c> with <c>{"stage": "rule-segment", "options": {...}, "sample": 20}</c>:
/// the audience's size and first members as JSON; 400 with every problem and its path when the request is wrong.
/// A dashboard route, so it has the dashboard's authorization.
/// </summary>
internal sealed class SegmentPreviewDispatcher : IDashboardDispatcher
{
    public const string Path = "/campaigns/segments/preview";
    private const int MaxSample = 200;

    public async Task Dispatch(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        string stage;
        JsonElement? options;
        int sample;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var root = document.RootElement;
            stage = root.TryGetProperty("stage", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
            options = root.TryGetProperty("options", out var o) && o.ValueKind != JsonValueKind.Null ? o.Clone() : null;
            sample = root.TryGetProperty("sample", out var n) && n.TryGetInt32(out var size) ? size : SegmentPreview.DefaultSample;
        }
        catch (JsonException ex)
        {
            await WriteAsync(http, 400, JsonSerializer.Serialize(new { errors = new[] { new { path = "$", message = "not valid JSON: " + ex.Message } } }));
            return;
        }
        if (sample is < 0 or > MaxSample)
        {
            await WriteAsync(http, 400, JsonSerializer.Serialize(new { errors = new[] { new { path = "$.sample", message = $"must be between 0 and {MaxSample}" } } }));
            return;
        }
        try
        {
            var result = await http.RequestServices.GetRequiredService<SegmentPreview>().PreviewAsync(stage, options, sample, http.RequestAborted);
            await WriteAsync(http, 200, PreviewJson.Write(result));
        }
        catch (CampaignDefinitionException ex)
        {
            await WriteAsync(http, 400, JsonSerializer.Serialize(new { errors = ex.Errors.Select(e => new { path = e.Path, message = e.Message }) }));
        }
    }

    private static async Task WriteAsync(HttpContext http, int status, string json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(json, http.RequestAborted);
    }
}
