using System.Runtime.CompilerServices;
using Campaigns.Data;
using Campaigns.Plugins.Shared;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Plugins.Segmentation;

/// <summary>
/// Streams the customers active in the window: per-customer counts come from the store's aggregate, and customers
/// are fetched one batch of ids at a time, so memory stays at one batch whatever the audience size.
/// </summary>
internal sealed class ActiveCustomersStage(StageContext context, ActiveCustomersOptions options) : IAudienceStage
{
    private EventWindow? _window;

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        var window = EventWindow.EndingAt(context.Time.GetUtcNow(), options.Days);
        var useLatest = options.Anchor == WindowAnchors.LatestEvent
            || (options.Anchor == WindowAnchors.Auto && !await AnyEventAsync(window, cancellationToken));
        if (useLatest)
            window = await EventWindow.EndingAtLatestAsync(context.Interactions, options.Days, options.EventTypes, cancellationToken) ?? window;
        _window = window;
        context.Logger.LogInformation("active-customers: window {Label} ({Since:o}..{Until:o}), at least {MinEvents} events", window.Label, window.Since, window.Until, options.MinEvents);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<IReadOnlyList<Customer>> SelectAsync(AudienceRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.BatchSize, 1);
        if (_window is null) await PrepareAsync(cancellationToken);
        var query = _window!.Query(options.EventTypes);
        var pending = new List<Customer>(request.BatchSize);

        await foreach (var activity in context.Interactions.CountByCustomerAsync(query, request.BatchSize, cancellationToken))
        {
            var ids = activity.Where(a => a.Events >= options.MinEvents).Select(a => a.CustomerId).ToList();
            if (ids.Count == 0) continue;
            // Unknown ids are left out by the reader: events may name customers the shop never exported.
            pending.AddRange(await context.Customers.GetManyAsync(ids, cancellationToken));
            while (pending.Count >= request.BatchSize)
            {
                yield return pending[..request.BatchSize];
                pending.RemoveRange(0, request.BatchSize);
            }
        }
        if (pending.Count > 0) yield return pending.ToArray();
    }

    private async Task<bool> AnyEventAsync(EventWindow window, CancellationToken cancellationToken)
    {
        await foreach (var batch in context.Interactions.CountByCustomerAsync(window.Query(options.EventTypes), 1, cancellationToken))
        {
            if (batch.Count > 0) return true;
        }
        return false;
    }
}
