using Campaigns.Stages;
using Campaigns.Storage;
using Hangfire;

namespace Campaigns.Host.Bench;

/// <summary>
/// The baseline of the dispatch benchmark: what most schedulers do, one Hangfire job per message. Each job reads its
/// row, sends it through the same channel instance ours uses (so connection reuse is equal) and records the outcome.
/// </summary>
public sealed class NaiveDispatch(ILedgerStore ledger, TimeProvider time)
{
    /// <summary>The channel every job sends through; set by the benchmark before it enqueues.</summary>
    internal static IDeliveryChannel? Channel { get; set; }

    /// <summary>Sends one message.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task SendAsync(string key)
    {
        var row = await ledger.FindAsync(key, CancellationToken.None) ?? throw new InvalidOperationException($"no row {key}");
        var result = (await Channel!.SendAsync([new OutgoingMessage(row.Key, row.CampaignId, row.CustomerId, row.Address, row.Subject, row.Body ?? "", row.ItemIds, row.SendAt)], CancellationToken.None))[0];
        var state = result.Status == DeliveryStatus.Sent ? DeliveryState.Sent : DeliveryState.Failed;
        await ledger.CompleteAsync([new LedgerCompletion(key, state, result.Detail, time.GetUtcNow())], CancellationToken.None);
    }
}

/// <summary>Builds benchmark jobs from the host's services.</summary>
internal sealed class ServiceJobActivator(IServiceProvider services) : JobActivator
{
    public override object ActivateJob(Type jobType) => ActivatorUtilities.CreateInstance(services, jobType);
}
