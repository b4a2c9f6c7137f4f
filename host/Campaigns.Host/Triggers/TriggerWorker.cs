using Campaigns.Storage;
using Campaigns.Triggers;

namespace Campaigns.Host.Triggers;

/// <summary>
/// Plans queued trigger work in micro-batches: first replays what a previous process may have lost (the catch-up), then
/// takes whatever the queue holds (up to <see cref="MaxBatch"/>, never waiting for more), plans it through the
/// <see cref="TriggerProcessor"/> and moves each campaign's watermark to the batch's newest commit. A failed batch is
/// logged and the worker goes on; the failed campaign's watermark stays where it was, so the next start replays it.
/// </summary>
internal sealed class TriggerWorker(TriggerQueue queue, TriggerProcessor processor, TriggerCatchUp catchUp, ITriggerWatermarks watermarks,
    TriggerLatency latency, TriggerPhases phases, TimeProvider time, ILogger<TriggerWorker> logger) : BackgroundService
{
    /// <summary>Largest micro-batch: big enough to share one ledger insert among a second's events, small enough to keep latency low.</summary>
    public const int MaxBatch = 1_000;

    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static readonly TimeSpan AdvanceEvery = TimeSpan.FromSeconds(1);
    private readonly HashSet<string> _stuck = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _advanced = new(StringComparer.Ordinal);

    /// <summary>Completes when the start-up catch-up is done (tests, and whoever wants to know recovery finished).</summary>
    public Task CaughtUp => _caughtUp.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await CatchUpAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<TriggerWork> batch;
            try
            {
                batch = await queue.TakeAsync(MaxBatch, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (batch.Count == 0) break;
            phases.Record(TriggerPhases.QueueWait, time.GetUtcNow() - batch.Min(w => w.AcceptedAt));
            try
            {
                var result = await processor.ProcessAsync(batch, stoppingToken);
                var now = time.GetUtcNow();
                foreach (var work in batch)
                    if (work.Kind != TriggerWorkKind.Cancel) latency.Record(now - work.AcceptedAt);
                _stuck.UnionWith(result.FailedCampaigns);
                await AdvanceAsync(batch, stoppingToken);
                if (result.Planned > 0 || result.Cancelled > 0) logger.LogDebug("Triggers: {Result}", result);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _stuck.UnionWith(batch.Select(w => w.Campaign.Id));
                logger.LogError(ex, "A trigger batch of {Count} items failed", batch.Count);
            }
            finally
            {
                queue.Done(batch.Count);
            }
        }
    }

    private async Task CatchUpAsync(CancellationToken stoppingToken)
    {
        try
        {
            var result = await catchUp.RunAsync(stoppingToken);
            if (result.Planned > 0 || result.Suppressed.Count > 0) logger.LogInformation("Trigger catch-up: {Result}", result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The live path must not wait on recovery: the watermarks stay, so the next start tries again.
            logger.LogError(ex, "The trigger catch-up failed");
        }
        finally
        {
            _caughtUp.TrySetResult();
        }
    }

    // A campaign that failed once keeps its mark until the process restarts: moving it past the failed batch would hide
    // that work from the catch-up. The mark is written at most once a second per campaign: a write per micro-batch
    // would sit on the latency path, and a mark a second behind only makes the catch-up re-read a second more.
    private async Task AdvanceAsync(IReadOnlyList<TriggerWork> batch, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var campaign in batch.GroupBy(w => w.Campaign.Id, StringComparer.Ordinal).Where(g => !_stuck.Contains(g.Key)))
        {
            if (_advanced.TryGetValue(campaign.Key, out var last) && now - last < AdvanceEvery) continue;
            await watermarks.AdvanceAsync(campaign.Key, campaign.Max(w => w.AcceptedAt), ct);
            _advanced[campaign.Key] = now;
        }
    }
}
