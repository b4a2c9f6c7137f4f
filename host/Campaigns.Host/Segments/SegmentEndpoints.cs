using System.Text.Json;
using Campaigns.Host.Api.Keys;
using Campaigns.Segments;
using Campaigns.Storage;

namespace Campaigns.Host.Segments;

/// <summary>
/// <c>GET /api/v1/segments/{key}?options={json}</c> (API key with <c>segments:read</c>): the report of an audience stage that describes its segments
/// (<c>kmeans-segment</c>: clusters with names, sizes and centroids; <c>propensity-segment</c>: AUC, baselines, lift and
/// the segment's size), as JSON. Unknown keys, invalid options and data the stage cannot learn from answer 400 with the
/// reason (the option's JSON path when an option is wrong). <c>POST /api/v1/segments/preview</c> (same scope): a
/// segment's size and first members, the dashboard preview for API clients (<see cref="PreviewRequest"/>).
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
        }).RequireApiScope(ApiScopes.SegmentsRead)
            .WithName("get-segment-report")
            .WithSummary("The segments an audience stage chooses from (K-means clusters, propensity model quality), with their sizes.");

        api.MapPost("/segments/preview", async (HttpRequest request, SegmentPreview preview) =>
        {
            var (status, json) = await PreviewRequest.HandleAsync(request.Body, preview, request.HttpContext.RequestAborted);
            return Results.Content(json, "application/json", statusCode: status);
        }).RequireApiScope(ApiScopes.SegmentsRead)
            .WithName("preview-segment")
            .WithSummary("The size and first members of a segment (a rule over profiles, or any audience stage with options); 400 names the field and, for a rule, the position of the mistake.")
            .WithDescription("kmeans-segment and propensity-segment use their live model from the registry when there is one for these options " +
                "(\"model\": \"kmeans-segment v2\", \"modelSource\": \"live\"), as a campaign run would; without one they are trained for this call " +
                "(\"model\": null, \"modelSource\": \"trained for this preview\"). Audiences without a model answer \"modelSource\": \"none\".")
            .Accepts<PreviewRequestDoc>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }
}
