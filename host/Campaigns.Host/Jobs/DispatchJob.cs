using Campaigns.Delivery;
using Hangfire;

namespace Campaigns.Host.Jobs;

/// <summary>
/// Sends every due ledger row (of one campaign, or all). Its only argument is an id: no personal data ever sits in a
/// job, since every dashboard viewer can read job arguments.
/// </summary>
public sealed class DispatchJob(DeliveryDispatcher dispatcher)
{
    /// <summary>Dispatches until nothing in scope is due.</summary>
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Dispatch due messages {0}")]
    public async Task<string> RunAsync(string? campaignId, CancellationToken cancellationToken)
    {
        var result = await dispatcher.DispatchAsync(new DispatchScope(campaignId), cancellationToken);
        return $"claimed {result.Claimed}, sent {result.Sent}, retrying {result.Retrying}, failed {result.Failed}";
    }
}
