using Hangfire;
using Hangfire.Dashboard;

namespace Campaigns.Host.Dashboard;

/// <summary>The Hangfire dashboard at <c>/hangfire</c>, with a Campaigns page for marketers and operators.</summary>
internal static class DashboardExtensions
{
    private static int _registered;

    public static WebApplication MapCampaignsDashboard(this WebApplication app)
    {
        // Hangfire's routes and menu are process-wide: register the page once even when tests build several hosts.
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            DashboardRoutes.Routes.AddRazorPage("/campaigns", _ => new CampaignsPage());
            DashboardRoutes.Routes.Add(SegmentPreviewDispatcher.Path, new SegmentPreviewDispatcher());
            NavigationMenu.Items.Add(page => new MenuItem("Campaigns", page.Url.To("/campaigns")) { Active = page.RequestPath.StartsWith("/campaigns", StringComparison.Ordinal) });
        }
        app.UseHangfireDashboard("/hangfire", new DashboardOptions { DashboardTitle = "Campaigns", AppPath = null });
        app.MapGet("/", () => Results.Redirect("/hangfire/campaigns"));
        return app;
    }
}
