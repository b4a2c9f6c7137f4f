using System.Text.Json;
using Campaigns.Host.Api.Keys;
using Campaigns.Segments;
using Campaigns.Storage;

namespace Campaigns.Host.Segments;

/// <summary>
/// <c>GET /api/v1/segments/{key}?options={json}</c> (API key with <c>segments:read</c>): the report of an audience stage that describes its segments
/// (<c>kmeans-segment</c>: clusters with names, sizes and centroids; <c>propensity-segment</c>: AUC, baselines, lift and
/// the segment's size), as JSON. Unknown keys, invalid options and data the stage cannot learn from answer 400 with the
/// reason (the option's JSON path when an option is wrong).
/// </summary>
internal static class SegmentEndpoints
{
    public static RouteGroupBuilder MapCampaignsSegments(this RouteGroupBuilder api)
    {
        api.MapGet("/segments/{key}", async (string key, string? options, IServiceProvider services, CancellationToken ct) =>
        {
            JsonElement? parsed = null;
            if (!string.IsNullOrWhiteSpace(options))
            {
                try { parsed = JsonDocument.Parse(options).RootElement.Clone(); }
                catch (JsonException ex) { return Results.BadRequest(new { error = $"options: not valid JSON: {ex.Message}" }); }
            }
            try
            {
                var report = await ActivatorUtilities.CreateInstance<SegmentInsightsService>(services).DescribeAsync(key, parsed, ct);
                return Results.Json(report, SegmentReportOutput.Json);
            }
            catch (SegmentInsightsException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        }).RequireApiScope(ApiScopes.SegmentsRead);
        return api;
    }
}
