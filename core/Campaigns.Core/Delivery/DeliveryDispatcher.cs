using Campaigns.Campaign;
using Campaigns.Planning;
using Campaigns.Privacy;
using Campaigns.Scheduling;
using Campaigns.Stages;
using Campaigns.Storage;
using Campaigns.Tracking;
using Microsoft.Extensions.Logging;

namespace Campaigns.Delivery;

/// <summary>
/// Sends what the ledger says is due: claims batches of due rows (leased, so two hosts never send the same row at
/// once), hands each batch to its campaign version's channel with the row key as idempotency key, and records the
/// outcome; a hard bounce puts the customer on the suppression list for the channel's kind. A customer listed after the
/// message was planned (unsubscribed, complained, erased) is not sent it: the row becomes suppressed. A provider with a rate
/// limit is paced through the shared <see cref="IProviderPace"/>. Runs until nothing
/// in scope is due. One call serves many messages: never one job per recipient.
/// </summary>
public sealed class DeliveryDispatcher(ILedgerStore ledger, CampaignService campaigns, StageContextFactory contexts, TimeProvider time,
    DispatchOptions options, DeliveryPolicy policy, IProviderPace pace, ISuppressionStore suppressions, SuppressionCheck listed, LinkRewriter links, ILogger<DeliveryDispatcher> logger)
{
    private readonly ProviderPacer _pacer = new(pace, ledger, time, options);

    /// <summary>Dispatches due rows in <paramref name="scope"/> until none is left.</summary>
    public async Task<DispatchResult> DispatchAsync(DispatchScope scope, CancellationToken cancellationToken)
    {
        var channels = new Dictionary<(string, int), (IDeliveryChannel Channel, string Provider, string Purpose)>();
        long claimed = 0, sent = 0, retrying = 0, failed = 0;
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                var batch = await ledger.ClaimDueAsync(new ClaimRequest(now, options.BatchSize, options.Worker, options.Lease, scope.CampaignId, scope.Occurrence), cancellationToken);
                if (batch.Count == 0) break;
                claimed += batch.Count;
                foreach (var group in batch.GroupBy(r => (r.CampaignId, r.CampaignVersion)))
                {
                    var (channel, provider, purpose) = await ChannelAsync(channels, group.Key, group.First().Occurrence, cancellationToken);
                    var (rows, stopped) = await StopListedAsync(group.ToList(), channel.Kind, purpose, now, cancellationToken);
                    var (completions, released) = rows.Count == 0 ? (new List<LedgerCompletion>(), 0)
                        : policy.Providers.TryGetValue(provider, out var limit)
                        ? await _pacer.SendAsync(provider, limit, rows, now, part => SendAsync(channel, part, cancellationToken), cancellationToken)
                        : ((await SendAsync(channel, rows, cancellationToken)).Completions, 0);
                    await ledger.CompleteAsync([.. stopped, .. completions], CancellationToken.None);
                    claimed -= released;
                    sent += completions.Count(c => c.State == DeliveryState.Sent);
                    failed += completions.Count(c => c.State == DeliveryState.Failed);
                    retrying += completions.Count(c => c.State == DeliveryState.Planned);
                }
            }
        }
        finally
        {
            foreach (var (channel, _, _) in channels.Values) await StageDisposal.DisposeAsync(channel);
        }
        if (claimed > 0) logger.LogInformation("Dispatched {Claimed} messages: {Sent} sent, {Retrying} to retry, {Failed} failed", claimed, sent, retrying, failed);
        return new DispatchResult(claimed, sent, retrying, failed);
    }

    // The list is checked again at send time: a customer may have unsubscribed since the message was planned.
    private async Task<(List<LedgerEntry> Rows, List<LedgerCompletion> Stopped)> StopListedAsync(List<LedgerEntry> rows, string kind, string purpose, DateTimeOffset now, CancellationToken ct)
    {
        var reasons = await listed.FindAsync([.. rows.Select(r => r.CustomerId).Distinct()], kind, ct);
        if (reasons.Count == 0) return (rows, []);
        var stopped = rows.Where(r => reasons.TryGetValue(r.CustomerId, out var why) && SuppressionReasons.Blocks(why, purpose)).ToList();
        return ([.. rows.Except(stopped)], [.. stopped.Select(r => new LedgerCompletion(r.Key, DeliveryState.Suppressed, $"suppressed:{reasons[r.CustomerId]}", now))]);
    }

    private async Task<(IDeliveryChannel, string, string)> ChannelAsync(Dictionary<(string, int), (IDeliveryChannel, string, string)> channels, (string Id, int Version) key, string occurrence, CancellationToken ct)
    {
        if (channels.TryGetValue(key, out var known)) return known;
        var campaign = await campaigns.GetCompiledAsync(key.Id, key.Version, ct);
        var channel = campaign.Channel.Create<IDeliveryChannel>(contexts.Create(new CampaignRunInfo(key.Id, key.Version, occurrence), campaign.Channel.Registration));
        await channel.PrepareAsync(ct);
        var provider = campaign.Definition.Delivery.Provider ?? campaign.Definition.Channel.Key;
        channels[key] = (channel, provider, campaign.Definition.Purpose);
        return channels[key];
    }

    private async Task<SendOutcome> SendAsync(IDeliveryChannel channel, List<LedgerEntry> rows, CancellationToken ct)
    {
        var messages = rows.Select(r => new OutgoingMessage(r.Key, r.CampaignId, r.CustomerId, r.Address, r.Subject, r.Body ?? "", r.ItemIds, r.SendAt)
        {
            UnsubscribeUrl = links.UnsubscribeUrl(r.Key),
        }).ToList();
        IReadOnlyList<DeliveryResult> results;
        try
        {
            results = await channel.SendAsync(messages, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A channel that throws has told us nothing about which messages left: retry them all; keys make that safe.
            logger.LogWarning(ex, "Channel {Kind} threw while sending {Count} messages", channel.Kind, rows.Count);
            results = [.. rows.Select(r => new DeliveryResult(r.Key, DeliveryStatus.TransientFailure, $"channel error: {ex.Message}"))];
        }
        var byKey = results.ToDictionary(r => r.Key);
        var now = time.GetUtcNow();
        // A hard bounce is not this campaign's problem alone: listed for the kind, no campaign tries the address again.
        var bounced = rows.Where(r => byKey.GetValueOrDefault(r.Key) is { Status: DeliveryStatus.PermanentFailure, HardBounce: true })
            .Select(r => new Suppression(r.CustomerId, channel.Kind, "bounced", now, byKey[r.Key].Detail)).ToList();
        await suppressions.AddAsync(bounced, CancellationToken.None);
        var pause = results.Max(r => r.RetryAfter is { } wait && wait > TimeSpan.Zero ? now + wait : (DateTimeOffset?)null);
        return new SendOutcome([.. rows.Select(row => Complete(row, byKey.GetValueOrDefault(row.Key), now))], pause);
    }

    private LedgerCompletion Complete(LedgerEntry row, DeliveryResult? result, DateTimeOffset now)
    {
        result ??= new DeliveryResult(row.Key, DeliveryStatus.TransientFailure, "channel returned no result for this message");
        // Attempts were counted when the row was claimed. A provider's Retry-After overrides the backoff.
        var backoff = result.RetryAfter is { } wait && wait > TimeSpan.Zero ? wait : options.FirstRetryDelay * Math.Pow(2, Math.Max(0, row.Attempts - 1));
        return result.Status switch
        {
            DeliveryStatus.Sent => new LedgerCompletion(row.Key, DeliveryState.Sent, result.Detail, now),
            DeliveryStatus.PermanentFailure => new LedgerCompletion(row.Key, DeliveryState.Failed, result.Detail ?? "permanent failure", now),
            _ when row.Attempts >= options.MaxAttempts => new LedgerCompletion(row.Key, DeliveryState.Failed, $"gave up after {row.Attempts} attempts: {result.Detail}", now),
            _ => new LedgerCompletion(row.Key, DeliveryState.Planned, result.Detail, now, now + backoff),
        };
    }
}
