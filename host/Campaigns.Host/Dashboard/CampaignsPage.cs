using System.Net;
using System.Text;
using Campaigns.Host.Plugins;
using Campaigns.Storage;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;

namespace Campaigns.Host.Dashboard;

/// <summary>
/// <c>/hangfire/campaigns</c>: every campaign with its version, schedule and ledger counts by state, and every
/// plugin with its status (failed plugins show why), and a form that previews a rule segment. Rendered inside Hangfire's own layout, so the dashboard's
/// navigation stays on screen.
/// </summary>
internal sealed class CampaignsPage : RazorPage
{
    // Hangfire renders dashboard pages synchronously; the stores are async, so the page's data is awaited here.
    public override void Execute()
    {
        Layout = new LayoutPage("Campaigns");
        WriteLiteral(RenderAsync(Context).GetAwaiter().GetResult());
        WriteLiteral(SegmentPreviewForm.Html(Url.To(SegmentPreviewDispatcher.Path)));
    }

    private static async Task<string> RenderAsync(DashboardContext context)
    {
        var services = context.GetHttpContext().RequestServices;
        var store = services.GetRequiredService<ICampaignStore>();
        var ledger = services.GetRequiredService<ILedgerStore>();
        var html = new StringBuilder();
        html.Append("<style>#campaigns tr.failed,#plugins tr.failed,td.failed.nonzero{color:#b00}</style>");
        html.Append("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Campaigns</h1>");
        html.Append("<table id=\"campaigns\" class=\"table table-striped\"><tr><th>Campaign</th><th>Name</th><th>Version</th><th>Planned</th><th>Sending</th><th>Sent</th><th>Failed</th><th>Suppressed</th></tr>");
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
        html.Append("</table><h2>Plugins</h2><table id=\"plugins\" class=\"table\"><tr><th>Plugin</th><th>Version</th><th>Status</th><th>Stages or error</th></tr>");
        foreach (var plugin in services.GetRequiredService<PluginCatalog>().Plugins)
        {
            var failed = plugin.Status == PluginStatus.Failed;
            html.Append("<tr class=\"").Append(failed ? "failed" : "loaded").Append("\"><td>").Append(E(plugin.Id)).Append("</td><td>").Append(E(plugin.Version ?? ""))
                .Append("</td><td>").Append(plugin.Status).Append("</td><td>").Append(E(failed ? plugin.Error ?? "" : string.Join(", ", plugin.StageKeys))).Append("</td></tr>");
        }
        html.Append("</table></div></div>");
        return html.ToString();
    }

    private static string NameOf(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
