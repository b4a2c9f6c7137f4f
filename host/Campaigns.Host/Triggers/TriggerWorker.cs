using Campaigns.Triggers;

namespace Campaigns.Host.Triggers;

/// <summary>
/// Plans queued trigger work in micro-batches: takes whatever the queue holds (up to <see cref="MaxBatch"/>), plans it
/// through the <see cref="TriggerProcessor"/> and waits for more. A failed batch is logged and the worker goes on; the
/// events are stored, and a resent event plans nothing twice.
/// </summary>
internal sealed class TriggerWorker(TriggerQueue queue, TriggerProcessor processor, TriggerLatency latency, TimeProvider time, ILogger<TriggerWorker> logger) : BackgroundService
{
    /// <summary>Largest micro-batch: big enough to share one ledger insert among a second's events, small enough to keep latency low.</summary>
    public const int MaxBatch = 1_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
            try
            {
                var result = await processor.ProcessAsync(batch, stoppingToken);
                var now = time.GetUtcNow();
                foreach (var work in batch)
                    if (work.Kind != TriggerWorkKind.Cancel) latency.Record(now - work.AcceptedAt);
                if (result.Planned > 0 || result.Cancelled > 0) logger.LogDebug("Triggers: {Result}", result);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "A trigger batch of {Count} items failed", batch.Count);
            }
            finally
            {
                queue.Done(batch.Count);
            }
        }
    }
}
