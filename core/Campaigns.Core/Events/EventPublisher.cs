using Microsoft.Extensions.Logging;

namespace Campaigns.Events;

/// <summary>Hands a committed batch to every <see cref="IEventObserver"/>; one observer's failure does not stop the others.</summary>
public sealed class EventPublisher(IEnumerable<IEventObserver> observers, ILogger<EventPublisher> logger)
{
    private readonly IEventObserver[] observers = [.. observers];

    /// <summary>Publishes <paramref name="batch"/>; call after the write committed.</summary>
    public async ValueTask PublishAsync(AcceptedBatch batch, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnAcceptedAsync(batch, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The batch is stored; the observer's job is to catch up from the tables (see IEventObserver).
                logger.LogError(ex, "Event observer {Observer} failed on a batch of {Events} events", observer.GetType().Name, batch.Events.Count);
            }
        }
    }
}
