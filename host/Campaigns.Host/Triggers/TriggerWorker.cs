using Campaigns.Triggers;

namespace Campaigns.Host.Triggers;

/// <summary>
/// Plans queued trigger work in micro-batches: first sweeps (stores this host's marks, adopts a dead host's, replays what
/// is behind), then takes whatever the queue holds (up to <see cref="MaxBatch"/>, never waiting for more) and plans it
/// through the <see cref="TriggerProcessor"/>, while the sweep runs again every <see cref="TriggerSweepOptions.Every"/>.
/// A failed batch is logged and the worker goes on; the failed campaigns are replayed from that batch by the next sweep.
/// </summary>
internal sealed class TriggerWorker(TriggerQueue queue, TriggerProcessor processor, TriggerSweep sweep, TriggerHostMarks marks, TriggerSweepOptions options,
    TriggerLatency latency, TriggerPhases phases, TimeProvider time, ILogger<TriggerWorker> logger) : BackgroundService
{
    /// <summary>Largest micro-batch: big enough to share one ledger insert among a second's events, small enough to keep latency low.</summary>
    public const int MaxBatch = 1_000;

    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the start-up sweep is done (tests, and whoever wants to know recovery finished).</summary>
    public Task CaughtUp => _caughtUp.Task;

    /// <summary>Sweeps now, as the timer would (tests; the timer's own sweeps wait for this one).</summary>
    public Task<TriggerResult> SweepAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SweepSafelyAsync("start-up", stoppingToken);
        _caughtUp.TrySetResult();
        var sweeping = SweepPeriodicallyAsync(stoppingToken);
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
            await PlanAsync(batch, stoppingToken);
        }
        await sweeping;
    }

    private async Task PlanAsync(IReadOnlyList<TriggerWork> batch, CancellationToken stoppingToken)
    {
        phases.Record(TriggerPhases.QueueWait, time.GetUtcNow() - batch.Min(w => w.AcceptedAt));
        try
        {
            var result = await processor.ProcessAsync(batch, stoppingToken);
            var now = time.GetUtcNow();
            foreach (var work in batch)
                if (work.Kind != TriggerWorkKind.Cancel) latency.Record(now - work.AcceptedAt);
            marks.Failed(batch, result.FailedCampaigns);
            if (result.Planned > 0 || result.Cancelled > 0) logger.LogDebug("Triggers: {Result}", result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            marks.Failed(batch, batch.Select(w => w.Campaign.Id).ToHashSet(StringComparer.Ordinal));
            logger.LogError(ex, "A trigger batch of {Count} items failed; the next sweep replays it", batch.Count);
        }
        finally
        {
            // After Failed: until the batch is done it holds this host's mark, so no sweep can store a mark past it.
            queue.Done(batch.Count);
        }
    }

    private async Task SweepPeriodicallyAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Every, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await SweepSafelyAsync("periodic", stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task SweepSafelyAsync(string which, CancellationToken stoppingToken)
    {
        try
        {
            var result = await sweep.RunAsync(stoppingToken);
            if (result.Planned > 0 || result.Suppressed.Count > 0 || result.Cancelled > 0) logger.LogInformation("Trigger {Which} sweep: {Result}", which, result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The live path must not wait on recovery: the marks stay, so the next sweep tries again.
            logger.LogError(ex, "The trigger {Which} sweep failed", which);
        }
    }
}
