using System.Diagnostics;

namespace Campaigns.Triggers;

/// <summary>
/// Where a micro-batch's time goes (queue wait, look-ups, planning, insert), per micro-batch, while a benchmark records:
/// the tail of trigger latency is found here, not in an average.
/// </summary>
public sealed class TriggerPhases
{
    /// <summary>Time from the oldest item's commit to the worker taking the micro-batch.</summary>
    public const string QueueWait = "queue wait";
    /// <summary>Customers, stored cancel events, recent triggered rows, suppression list and trigger items, read together.</summary>
    public const string Lookups = "look-ups";
    /// <summary>Consent, rules, recommender, render and timing for every moment of the batch.</summary>
    public const string Planning = "planning";
    /// <summary>The ledger insert (with the cap check) and the decision log.</summary>
    public const string Insert = "insert";

    private readonly object _gate = new();
    private Dictionary<string, List<double>>? _recorded;

    /// <summary>Starts (or restarts) recording.</summary>
    public void Start()
    {
        lock (_gate) _recorded = [];
    }

    /// <summary>Stops recording; milliseconds per micro-batch, by phase.</summary>
    public IReadOnlyDictionary<string, List<double>> Stop()
    {
        lock (_gate)
        {
            var recorded = _recorded ?? [];
            _recorded = null;
            return recorded;
        }
    }

    /// <summary>Records one phase of one micro-batch when recording.</summary>
    public void Record(string phase, TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (_recorded is null) return;
            if (!_recorded.TryGetValue(phase, out var list)) _recorded[phase] = list = [];
            list.Add(elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Records the time since <paramref name="started"/> (a <see cref="Stopwatch.GetTimestamp"/>) and returns a new start.</summary>
    public long Lap(string phase, long started)
    {
        var now = Stopwatch.GetTimestamp();
        Record(phase, Stopwatch.GetElapsedTime(started, now));
        return now;
    }
}
