using System.Threading.Channels;
using Campaigns.Events;
using Microsoft.Extensions.Logging;

namespace Campaigns.Profiles;

/// <summary>
/// Collects the customers touched by committed writes, off the request path: the observer only adds ids to a set and
/// signals; the host's worker takes the whole set at once, so a customer with a hundred new events is recomputed once.
/// The set is bounded; past the bound ids are dropped with a warning and the recurring full recompute catches them up.
/// </summary>
public sealed class ProfileUpdateQueue(ILogger<ProfileUpdateQueue> logger) : IEventObserver
{
    /// <summary>Most customer ids waiting at once.</summary>
    public const int MaxPending = 100_000;

    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private HashSet<string> _pending = new(StringComparer.Ordinal);

    /// <summary>Customers waiting for a recompute.</summary>
    public int Pending { get { lock (_gate) return _pending.Count; } }

    /// <inheritdoc />
    public ValueTask OnAcceptedAsync(AcceptedBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var dropped = 0;
        lock (_gate)
        {
            foreach (var id in batch.Events.Select(e => e.CustomerId).Concat(batch.Customers.Select(c => c.Id)))
            {
                if (_pending.Count < MaxPending || _pending.Contains(id)) _pending.Add(id);
                else dropped++;
            }
        }
        if (dropped > 0) logger.LogWarning("Profile updates: {Dropped} customers left to the next full recompute (queue full)", dropped);
        _signal.Writer.TryWrite(true);
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits until customers are pending, then takes all of them.</summary>
    public async Task<IReadOnlyCollection<string>> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _signal.Reader.ReadAsync(cancellationToken);
            lock (_gate)
            {
                if (_pending.Count == 0) continue;
                var taken = _pending;
                _pending = new HashSet<string>(StringComparer.Ordinal);
                return taken;
            }
        }
    }

    /// <summary>Recomputes whatever is pending now (the worker's step; tests call it directly).</summary>
    public async Task<int> ProcessPendingAsync(ProfileComputer computer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(computer);
        HashSet<string> taken;
        lock (_gate)
        {
            taken = _pending;
            _pending = new HashSet<string>(StringComparer.Ordinal);
        }
        return taken.Count == 0 ? 0 : await computer.ComputeAsync(taken, cancellationToken);
    }
}
