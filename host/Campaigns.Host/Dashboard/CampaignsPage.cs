using System.Net;
using System.Text;
using Campaigns.Host.Plugins;
using Campaigns.Storage;
using Hangfire.Dashboard;

namespace Campaigns.Host.Dashboard;

/// <summary>
/// <c>/hangfire/campaigns</c>: every campaign with its version, schedule and ledger counts by state, and every
/// plugin with its status (failed plugins show why).
/// </summary>
internal sealed class CampaignsPage : IDashboardDispatcher
{
    public async Task Dispatch(DashboardContext context)
    {
        var services = context.GetHttpContext().RequestServices;
        var store = services.GetRequiredService<ICampaignStore>();
        var ledger = services.GetRequiredService<ILedgerStore>();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Campaigns</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}tr.failed,td.failed.nonzero{color:#b00}</style></head><body>");
        html.Append("<p><a href=\"").Append(context.Request.PathBase).Append("/\">&larr; Jobs dashboard</a></p><h1>Campaigns</h1>");
        html.Append("<table id=\"campaigns\"><tr><th>Campaign</th><th>Name</th><th>Version</th><th>Planned</th><th>Sending</th><th>Sent</th><th>Failed</th><th>Suppressed</th></tr>");
        foreach (var campaign in await store.ListLatestAsync(CancellationToken.None))
        {
            var counts = await ledger.CountByStateAsync(campaign.Id, null, CancellationToken.None);
            html.Append("<tr data-campaign=\"").Append(E(campaign.Id)).Append("\"><td>").Append(E(campaign.Id)).Append("</td><td>").Append(E(NameOf(campaign.DefinitionJson)))
                .Append("</td><td>").Append(campaign.Version).Append("</td>");
            foreach (var state in new[] { DeliveryState.Planned, DeliveryState.Sending, DeliveryState.Sent, DeliveryState.Failed, DeliveryState.Suppressed })
            {
                // Each count's cell is classed by its state (td.sent, td.failed, ...); only a failed count above zero is red.
                var count = counts.GetValueOrDefault(state);
                html.Append("<td class=\"").Append(state.ToString().ToLowerInvariant()).Append(state == DeliveryState.Failed && count > 0 ? " nonzero" : "")
                    .Append("\">").Append(count).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</table><h2>Plugins</h2><table id=\"plugins\"><tr><th>Plugin</th><th>Version</th><th>Status</th><th>Stages or error</th></tr>");
        foreach (var plugin in services.GetRequiredService<PluginCatalog>().Plugins)
        {
            var failed = plugin.Status == PluginStatus.Failed;
            html.Append("<tr class=\"").Append(failed ? "failed" : "loaded").Append("\"><td>").Append(E(plugin.Id)).Append("</td><td>").Append(E(plugin.Version ?? ""))
                .Append("</td><td>").Append(plugin.Status).Append("</td><td>").Append(E(failed ? plugin.Error ?? "" : string.Join(", ", plugin.StageKeys))).Append("</td></tr>");
        }
        html.Append("</table></body></html>");
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html.ToString());
    }

    private static string NameOf(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
