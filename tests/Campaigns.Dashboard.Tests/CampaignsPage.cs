using Microsoft.Playwright;

namespace Campaigns.Dashboard.Tests;

/// <summary>What a user reads on <c>/hangfire/campaigns</c>.</summary>
internal static class CampaignsPage
{
    public const string Path = "/hangfire/campaigns";
    public const string SampleCampaign = "sample-bestsellers";

    /// <summary>The page's colour for trouble (#b00), as the browser computes it.</summary>
    public const string AlertRed = "rgb(187, 0, 0)";

    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] States = ["planned", "sending", "sent", "failed", "suppressed"];

    /// <summary>The sample campaign's row.</summary>
    public static ILocator SampleRow(IPage page) => page.Locator($"#campaigns tr[data-campaign='{SampleCampaign}']");

    /// <summary>The rows of the plugins table with the given class (<c>loaded</c> or <c>failed</c>).</summary>
    public static ILocator PluginRows(IPage page, string status) => page.Locator($"#plugins tr.{status}");

    /// <summary>
    /// Reloads the page (for at most a minute) until the sample row shows messages sent and none still planned or
    /// sending, and returns the row's counts by state.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, int>> WaitUntilSampleIsSentAsync(IPage page, HostProcess host)
    {
        var deadline = DateTimeOffset.UtcNow + SendTimeout;
        IReadOnlyDictionary<string, int>? counts = null;
        while (true)
        {
            var response = await page.GotoAsync(Path);
            Assert.True(response is { Ok: true }, $"GET {Path} answered {response?.Status}");
            var row = SampleRow(page);
            if (await row.CountAsync() == 1)
            {
                counts = await ReadCountsAsync(row);
                if (counts["sent"] > 0 && counts["planned"] == 0 && counts["sending"] == 0) return counts;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                var seen = counts is null ? "no sample row" : string.Join(", ", counts.Select(kv => $"{kv.Key} {kv.Value}"));
                Assert.Fail($"The sample campaign was not shown as sent within {SendTimeout.TotalSeconds} s ({seen}). Host output:\n{host.Output}");
            }
            await Task.Delay(500);
        }
    }

    /// <summary>The non-empty lines of the outbox file, one per message written.</summary>
    public static int OutboxLines(HostProcess host) =>
        File.Exists(host.OutboxFile) ? File.ReadLines(host.OutboxFile).Count(line => line.Trim().Length > 0) : 0;

    private static async Task<IReadOnlyDictionary<string, int>> ReadCountsAsync(ILocator row)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var state in States)
            counts[state] = int.Parse((await row.Locator($"td.{state}").InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return counts;
    }
}
