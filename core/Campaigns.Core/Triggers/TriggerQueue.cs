using System.Threading.Channels;

namespace Campaigns.Triggers;

/// <summary>
/// The bounded hand-over between the write path (observer) and the trigger worker. When the worker falls behind by
/// <see cref="Capacity"/> items, writers wait: back-pressure on the API instead of unbounded memory.
/// </summary>
public sealed class TriggerQueue
{
    /// <summary>Most items waiting at once.</summary>
    public const int Capacity = 100_000;

    private readonly Channel<TriggerWork> _channel = Channel.CreateBounded<TriggerWork>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });
    private long _written, _done, _takenOldest;

    /// <summary>Adds work; waits while the queue is full.</summary>
    public async ValueTask WriteAsync(IReadOnlyList<TriggerWork> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        foreach (var item in work)
        {
            await _channel.Writer.WriteAsync(item, cancellationToken);
            Interlocked.Increment(ref _written);
        }
    }

    /// <summary>Waits for work, then takes what is there, up to <paramref name="max"/> items (a micro-batch).</summary>
    public async ValueTask<IReadOnlyList<TriggerWork>> TakeAsync(int max, CancellationToken cancellationToken)
    {
        var batch = new List<TriggerWork>();
        if (!await _channel.Reader.WaitToReadAsync(cancellationToken)) return batch;
        // Noted before the items leave the channel, so OldestPending never skips them while they are being read.
        if (_channel.Reader.TryPeek(out var head)) Volatile.Write(ref _takenOldest, head.AcceptedAt.UtcTicks);
        while (batch.Count < max && _channel.Reader.TryRead(out var item)) batch.Add(item);
        return batch;
    }

    /// <summary>
    /// When the oldest write whose work is still waiting or taken and not done was accepted (null when there is none):
    /// what this host accepted before it is planned. Work taken but not done is counted from its batch's first item.
    /// </summary>
    public DateTimeOffset? OldestPending
    {
        get
        {
            var taken = Volatile.Read(ref _takenOldest);
            DateTimeOffset? oldest = taken == 0 ? null : new DateTimeOffset(taken, TimeSpan.Zero);
            if (_channel.Reader.TryPeek(out var head) && (oldest is null || head.AcceptedAt < oldest)) oldest = head.AcceptedAt;
            return oldest;
        }
    }

    /// <summary>Marks <paramref name="count"/> taken items as handled (planned, cancelled or given up on).</summary>
    public void Done(int count)
    {
        Volatile.Write(ref _takenOldest, 0);
        Interlocked.Add(ref _done, count);
    }

    /// <summary>Items written and not yet handled.</summary>
    public long Pending => Interlocked.Read(ref _written) - Interlocked.Read(ref _done);

    /// <summary>Waits until everything written so far is handled (tests, the CLI, shutdown).</summary>
    public async Task WaitIdleAsync(CancellationToken cancellationToken)
    {
        while (Pending > 0) await Task.Delay(5, cancellationToken);
    }
}
