namespace Campaigns.Events;

/// <summary>
/// Told about every committed write of events, customers and catalog items (the REST API and the CLI both publish).
/// Profiles and trigger campaigns listen here. Register with <c>services.AddSingleton&lt;IEventObserver, T&gt;()</c>.
/// </summary>
/// <remarks>
/// Called on the writer's request path after commit: return quickly (hand work to a queue). An observer that throws is
/// logged and does not fail the write, which is already stored; a recurring job must be able to catch up from the
/// tables alone.
/// </remarks>
public interface IEventObserver
{
    /// <summary>Sees one committed batch.</summary>
    ValueTask OnAcceptedAsync(AcceptedBatch batch, CancellationToken cancellationToken);
}
