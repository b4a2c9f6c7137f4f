using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Campaigns.Dashboard.Tests;

/// <summary>The dashboard of a host started as <c>dotnet run</c> starts it, read in a real browser.</summary>
public sealed class CampaignsPageTests(SampleHostFixture fixture) : IClassFixture<SampleHostFixture>
{
    private static readonly string[] BundledStageKeys = ["active-customers", "most-popular", "fixed-local-time", "bayes-hour-of-week", "ml-engagement", "outbox", "webhook", "http", "smtp", "reranker"];

    [Fact]
    public async Task Campaigns_page_shows_the_sample_campaign_sent_with_one_outbox_line_per_message()
    {
        var page = await fixture.NewPageAsync();
        try
        {
            var counts = await CampaignsPage.WaitUntilSampleIsSentAsync(page, fixture.Host);

            var row = CampaignsPage.SampleRow(page);
            await Expect(row).ToBeVisibleAsync();
            await Expect(row).ToContainTextAsync("Bestsellers, picked for you");
            Assert.Equal(CampaignsPage.OutboxLines(fixture.Host), counts["sent"]);
            Assert.Equal(0, counts["failed"]);
            await Expect(row.Locator("td.failed")).Not.ToHaveCSSAsync("color", CampaignsPage.AlertRed); // a zero is no alarm

            var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
            await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "campaigns-page.png"), FullPage = true });
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Plugins_table_shows_every_bundled_plugin_loaded_and_none_failed()
    {
        var page = await fixture.NewPageAsync();
        try
        {
            await page.GotoAsync(CampaignsPage.Path);

            var loaded = CampaignsPage.PluginRows(page, "loaded");
            await Expect(loaded).ToHaveCountAsync(RepoPaths.BundledPluginCount);
            foreach (var key in BundledStageKeys)
                await Expect(loaded.Filter(new() { HasText = key })).ToBeVisibleAsync();
            await Expect(CampaignsPage.PluginRows(page, "failed")).ToHaveCountAsync(0);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Campaigns_link_of_the_jobs_dashboard_leads_to_the_campaigns_page()
    {
        var page = await fixture.NewPageAsync();
        try
        {
            await page.GotoAsync("/hangfire");

            await page.Locator("ul.navbar-nav").GetByRole(AriaRole.Link, new() { Name = "Campaigns", Exact = true }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex("/hangfire/campaigns$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Campaigns", Level = 1 })).ToBeVisibleAsync();
            await Expect(CampaignsPage.SampleRow(page)).ToBeVisibleAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Recurring_jobs_page_lists_the_minutely_dispatch_due_job()
    {
        var page = await fixture.NewPageAsync();
        try
        {
            await page.GotoAsync("/hangfire/recurring");

            await Expect(page.Locator("table tr", new() { HasText = "dispatch-due" })).ToHaveCountAsync(1);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
