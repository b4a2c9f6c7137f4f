using static Microsoft.Playwright.Assertions;

namespace Campaigns.Dashboard.Tests;

/// <summary>A plugin folder whose main assembly is garbage: the operator sees it and why, and the rest keeps working.</summary>
public sealed class BrokenPluginTests(BrokenPluginHostFixture fixture) : IClassFixture<BrokenPluginHostFixture>
{
    [Fact]
    public async Task Broken_plugin_is_listed_as_failed_with_its_reason_while_the_bundled_ones_still_send_the_sample()
    {
        var page = await fixture.NewPageAsync();
        try
        {
            var counts = await CampaignsPage.WaitUntilSampleIsSentAsync(page, fixture.Host);

            var failed = CampaignsPage.PluginRows(page, "failed");
            await Expect(failed).ToHaveCountAsync(1);
            await Expect(failed).ToContainTextAsync(BrokenPluginHostFixture.BrokenPlugin);
            await Expect(failed).ToContainTextAsync("not a .NET assembly");
            await Expect(failed).ToHaveCSSAsync("color", CampaignsPage.AlertRed);
            await Expect(CampaignsPage.PluginRows(page, "loaded")).ToHaveCountAsync(RepoPaths.BundledPluginCount);
            Assert.Equal(CampaignsPage.OutboxLines(fixture.Host), counts["sent"]);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
