using Campaigns.Host.Segments;
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

    public async Task Dispatch(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        var (status, json) = await PreviewRequest.HandleAsync(http.Request.Body, http.RequestServices.GetRequiredService<SegmentPreview>(), http.RequestAborted);
        await WriteAsync(http, status, json);
    }

    private static async Task WriteAsync(HttpContext http, int status, string json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(json, http.RequestAborted);
    }
}
