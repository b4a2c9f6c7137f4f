using Campaigns.Events;

namespace Campaigns.Triggers;

/// <summary>Sees every committed write, matches it against the active trigger campaigns and queues the work; the worker plans it.</summary>
public sealed class TriggerObserver(ActiveTriggers? active, TriggerQueue queue) : IEventObserver
{
    /// <inheritdoc />
    public async ValueTask OnAcceptedAsync(AcceptedBatch batch, CancellationToken cancellationToken)
    {
        // A process without plugins (an API-only writer) compiles no campaigns, so it has none to trigger.
        if (active is null) return;
        var campaigns = await active.GetAsync(cancellationToken);
        if (campaigns.Count == 0) return;
        var work = TriggerMatcher.Match(batch, campaigns);
        if (work.Count > 0) await queue.WriteAsync(work, cancellationToken);
    }
}
