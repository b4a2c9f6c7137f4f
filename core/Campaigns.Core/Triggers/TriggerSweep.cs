using Campaigns.Campaign;
using Campaigns.Storage;
using Microsoft.Extensions.Logging;

namespace Campaigns.Triggers;

/// <summary>
/// What makes trigger work durable with several hosts and crashes, run at start and then every
/// <see cref="TriggerSweepOptions.Every"/>: stores this host's marks (its heartbeat), in the same transaction adopts the
/// marks of hosts not seen for <see cref="TriggerSweepOptions.DeadAfter"/>, then replays every campaign whose mark is
/// behind: a failed batch of this host or work a dead host accepted and did not plan.
/// </summary>
public sealed class TriggerSweep(ActiveTriggers? active, ITriggerWatermarks store, TriggerReplay replay, TriggerHostMarks marks, TriggerSweepOptions options,
    TimeProvider time, ILogger<TriggerSweep> logger) : IDisposable
{
    private readonly SemaphoreSlim _running = new(1, 1);
    private bool _started;

    /// <summary>One sweep; a second caller waits for the running one.</summary>
    public async Task<TriggerResult> RunAsync(CancellationToken cancellationToken)
    {
        // A process without plugins compiles no campaigns: it accepts no trigger work and has none to recover.
        if (active is null) return TriggerResult.Empty;
        await _running.WaitAsync(cancellationToken);
        try
        {
            var campaigns = await active.GetAsync(cancellationToken);
            var now = time.GetUtcNow();
            // The first sweep of this process also takes back the marks its host id left in a previous life (a fixed
            // HostId restarted after a crash): what that life had queued is replayed, not dropped.
            var adopted = await store.HeartbeatAsync(marks.HostId, dead => Adopt(dead, campaigns, now), now - options.DeadAfter, adoptOwn: !_started, cancellationToken);
            _started = true;
            foreach (var host in adopted.Select(m => m.HostId).Distinct(StringComparer.Ordinal))
                logger.LogWarning("Trigger host {Host} was not seen since {Seen:O}: its marks are adopted by {Me}", host,
                    adopted.First(m => m.HostId == host).SeenAt, marks.HostId);
            var result = TriggerResult.Empty;
            foreach (var (campaignId, from) in marks.TakeRetries())
            {
                // No longer a trigger campaign (changed or deleted): nothing of it is to be planned.
                if (campaigns.FirstOrDefault(c => c.Id == campaignId) is not { } campaign) continue;
                result = result.Add(await ReplayAsync(campaign, from, now, cancellationToken));
            }
            return result;
        }
        finally
        {
            _running.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _running.Dispose();

    // Runs inside the heartbeat's transaction: the dead hosts' marks become this host's replays, and this host's stored
    // marks include them before their rows are deleted, so a crash right after still leaves them to someone.
    private IReadOnlyDictionary<string, DateTimeOffset> Adopt(IReadOnlyList<HostMark> dead, IReadOnlyList<CompiledCampaign> campaigns, DateTimeOffset now)
    {
        foreach (var host in dead.GroupBy(m => m.HostId, StringComparer.Ordinal))
        {
            var rows = host.ToDictionary(m => m.CampaignId, m => m.AcceptedThrough, StringComparer.Ordinal);
            foreach (var (campaignId, mark) in rows)
                if (campaignId != HostMark.HostRow) marks.Retry(campaignId, mark);
            // A campaign the dead host had not listed yet (saved after its last heartbeat): from its floor.
            if (!rows.TryGetValue(HostMark.HostRow, out var floor)) continue;
            foreach (var campaign in campaigns.Where(c => !rows.ContainsKey(c.Id)))
                marks.Retry(campaign.Id, floor);
        }
        return marks.Current(now, campaigns.Select(c => c.Id));
    }

    private async Task<TriggerResult> ReplayAsync(CompiledCampaign campaign, DateTimeOffset from, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            var result = await replay.ReplayAsync(campaign, from, now, ct);
            if (result.FailedCampaigns.Contains(campaign.Id)) marks.Retry(campaign.Id, from);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may still be away: the mark stays stored where it is and the next sweep tries again.
            marks.Retry(campaign.Id, from);
            logger.LogError(ex, "The trigger replay of {Campaign} from {From:O} failed; the next sweep retries it", campaign.Id, from);
            return TriggerResult.Empty;
        }
    }
}
