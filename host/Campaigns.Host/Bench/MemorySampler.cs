using System.Diagnostics;

namespace Campaigns.Host.Bench;

/// <summary>
/// The largest working set seen while it runs, sampled every 50 ms. <see cref="Process.PeakWorkingSet64"/> only ever
/// grows over the whole process, so it cannot tell one algorithm's peak from the one before.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public MemorySampler()
    {
        _peak = Environment.WorkingSet;
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    /// <summary>Peak working set in bytes since this sampler started (sampled, so a spike under 50 ms may be missed).</summary>
    public long Peak
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var now = Environment.WorkingSet;
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen) { }
    }
}
