using System.Diagnostics;

namespace Campaigns.Planning;

/// <summary>Wraps a stream and adds up how long its consumers waited for the next element.</summary>
internal sealed class TimedAsyncEnumerable<T>(IAsyncEnumerable<T> source) : IAsyncEnumerable<T>
{
    private long _waitedTicks;

    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks));

    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await using var inner = source.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var more = await inner.MoveNextAsync();
            Interlocked.Add(ref _waitedTicks, Stopwatch.GetElapsedTime(started).Ticks);
            if (!more) yield break;
            yield return inner.Current;
        }
    }
}
