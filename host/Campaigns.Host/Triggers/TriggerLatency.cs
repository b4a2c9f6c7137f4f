namespace Campaigns.Host.Triggers;

/// <summary>Time from a write's commit to its trigger rows being in the ledger, per moment; kept only while a benchmark asks for it.</summary>
internal sealed class TriggerLatency
{
    private readonly object _gate = new();
    private List<double>? _milliseconds;

    /// <summary>Starts (or restarts) recording.</summary>
    public void Start()
    {
        lock (_gate) _milliseconds = [];
    }

    /// <summary>Stops recording and returns what was recorded, in milliseconds.</summary>
    public IReadOnlyList<double> Stop()
    {
        lock (_gate)
        {
            var recorded = _milliseconds ?? [];
            _milliseconds = null;
            return recorded;
        }
    }

    /// <summary>Records one moment's latency when recording.</summary>
    public void Record(TimeSpan latency)
    {
        lock (_gate) _milliseconds?.Add(latency.TotalMilliseconds);
    }
}
