using Campaigns.Storage;
using Hangfire;

namespace Campaigns.Host.Jobs;

/// <summary>
/// Hourly: credits the purchases of the last click window (plus a day) to the messages that led to them, with the
/// windows of <c>Campaigns:Attribution:ClickWindowHours</c> (168) and <c>ViewWindowHours</c> (24). Runs
/// overlap on purpose; a purchase is credited once, so a late click or a host that was down loses nothing.
/// </summary>
public sealed class AttributionJob(IAttributionStore attributions, AttributionWindows windows, TimeProvider time)
{
    /// <summary>Attributes recent purchases.</summary>
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Attribute conversions")]
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var credited = await attributions.AttributeAsync(now - windows.Click - TimeSpan.FromDays(1), now, windows, cancellationToken);
        return $"credited {credited} purchases";
    }
}
