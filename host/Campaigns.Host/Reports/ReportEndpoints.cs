using Campaigns.Host.Api.Keys;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Campaigns.Learning.Reporting;
using Campaigns.Storage;

namespace Campaigns.Host.Reports;

/// <summary>The experiment report over HTTP: JSON and the SVG chart.</summary>
public static class ReportEndpoints
{
    /// <summary>
    /// Maps <c>GET campaigns/{id}/report</c> (JSON) and <c>GET campaigns/{id}/report.svg</c> on <paramref name="api"/> (the
    /// authenticated <c>/api/v1</c> group). Query: <c>windowDays</c> (default: the click attribution window) and
    /// <c>mde</c> (the relative lift to detect, default 0.1). Needs an API key with <c>reports:read</c>. 400 names a bad
    /// field; 404 when nothing is logged.
    /// </summary>
    public static RouteGroupBuilder MapCampaignsReports(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var reports = api.MapGroup("").RequireApiScope(ApiScopes.ReportsRead);
        reports.MapGet("/campaigns/{id}/report", async (string id, string? windowDays, string? mde, CampaignReporter reporter, CancellationToken ct) =>
            await RespondAsync(id, windowDays, mde, reporter, report => Results.Json(report, ReportText.Json), ct));
        reports.MapGet("/campaigns/{id}/report.svg", async (string id, string? windowDays, string? mde, CampaignReporter reporter, CancellationToken ct) =>
            await RespondAsync(id, windowDays, mde, reporter, report => Results.Text(ReportChart.Svg(report), "image/svg+xml"), ct));
        return api;
    }

    /// <summary>Registers what the report endpoints and the <c>report</c> verb need.</summary>
    public static IServiceCollection AddCampaignsReports(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new CampaignReporter(sp.GetRequiredService<Campaigns.Storage.IDecisionLog>(),
            sp.GetRequiredService<Campaigns.Storage.IPurchaseWindows>(), sp.GetService<Campaigns.Storage.AttributionWindows>() ?? Campaigns.Storage.AttributionWindows.Default));
        return services;
    }

    private static async Task<IResult> RespondAsync(string id, string? windowDays, string? mde, CampaignReporter reporter,
        Func<ExperimentReport, IResult> respond, CancellationToken ct)
    {
        ReportRequest request;
        try
        {
            request = ReportRequest.Parse(windowDays, mde);
        }
        catch (ArgumentException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        var report = await reporter.BuildAsync(id, request, ct);
        return report is null
            ? Results.Problem($"campaign '{id}' has no logged variant decisions", statusCode: StatusCodes.Status404NotFound)
            : respond(report);
    }
}
