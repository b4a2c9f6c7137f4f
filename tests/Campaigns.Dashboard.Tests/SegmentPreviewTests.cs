using System.Text.Json;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Campaigns.Dashboard.Tests;

/// <summary>The Campaigns page's segment preview, and the dashboard endpoint behind it, on a host started with the sample.</summary>
public sealed partial class SegmentPreviewTests(SampleHostFixture fixture) : IClassFixture<SampleHostFixture>
{
    private static readonly TimeSpan ProfilesTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Preview_form_shows_the_size_and_sample_and_points_at_a_mistake()
    {
        var page = await fixture.NewPageAsync();
        try
        {
            await CampaignsPage.WaitUntilSampleIsSentAsync(page, fixture.Host);
            var expression = page.Locator("#segment-expression");
            var result = page.Locator("#segment-preview-result");

            // The sample import enqueued the profile job: preview until its profiles are there.
            var deadline = DateTimeOffset.UtcNow + ProfilesTimeout;
            string text;
            do
            {
                await expression.FillAsync("orders_total >= 2");
                await page.Locator("#segment-preview-button").ClickAsync();
                await Expect(result).ToHaveTextAsync(SizeLine());
                text = await result.InnerTextAsync();
                if (!text.StartsWith("0 customers", StringComparison.Ordinal)) break;
                await Task.Delay(1000);
            } while (DateTimeOffset.UtcNow < deadline);
            Assert.Matches(@"^[1-9][0-9]* customers", text);
            Assert.Contains("\"orders_total\":", text, StringComparison.Ordinal);

            await expression.FillAsync("oders_total >= 2");
            await page.Locator("#segment-preview-button").ClickAsync();
            await Expect(result).ToContainTextAsync("$.audience.options.expression: position 1: unknown field 'oders_total' (did you mean 'orders_total'?)");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Preview_endpoint_answers_json_and_400_with_the_path_of_a_mistake()
    {
        var page = await fixture.NewPageAsync();
        try
        {
            const string url = "/hangfire/campaigns/segments/preview";
            var ok = await page.APIRequest.PostAsync(url, new() { DataObject = new { stage = "active-customers", options = new { days = 3650 }, sample = 3 } });
            Assert.Equal(200, ok.Status);
            using var body = JsonDocument.Parse(await ok.TextAsync());
            Assert.True(body.RootElement.GetProperty("size").GetInt64() > 3);
            Assert.Equal(3, body.RootElement.GetProperty("sample").GetArrayLength());

            var bad = await page.APIRequest.PostAsync(url, new() { DataObject = new { stage = "rule-segment", options = new { expression = "orders_total >" } } });
            Assert.Equal(400, bad.Status);
            using var errors = JsonDocument.Parse(await bad.TextAsync());
            var error = errors.RootElement.GetProperty("errors")[0];
            Assert.Equal("$.audience.options.expression", error.GetProperty("path").GetString());
            Assert.Equal("position 15: expected a value but the expression ends", error.GetProperty("message").GetString());
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [GeneratedRegex(@"^\d+ customers|position")]
    private static partial Regex SizeLine();
}
