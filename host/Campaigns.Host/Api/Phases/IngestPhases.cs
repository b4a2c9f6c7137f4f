using System.Diagnostics;

namespace Campaigns.Host.Api.Phases;

/// <summary>The steps a write request goes through, in order.</summary>
internal enum IngestPhase
{
    /// <summary>Reading the request body into memory.</summary>
    ReadBody,
    /// <summary>Parsing the body's JSON (a bad body: finding the record and field where it broke).</summary>
    Parse,
    /// <summary>Validating every field of every record.</summary>
    Validate,
    /// <summary>Deriving the content ids of events sent without one.</summary>
    DeriveIds,
    /// <summary>The database transaction: dedupe, insert, commit.</summary>
    Store,
    /// <summary>Handing the committed batch to the observers (profile updates, trigger matching).</summary>
    Publish,
}

/// <summary>
/// Time spent in each <see cref="IngestPhase"/>, summed over all write requests since start (wall time inside the
/// phase, so with more requests in flight than cores it includes waiting for a core). Two timestamps per phase per
/// batch: cheap enough to stay on, and it lets <c>bench ingest</c> back every claim about where the time goes.
/// </summary>
internal sealed class IngestPhases
{
    private readonly long[] _ticks = new long[Enum.GetValues<IngestPhase>().Length];
    private long _records;

    /// <summary>Adds the time since <paramref name="started"/> (a <see cref="Stopwatch.GetTimestamp"/>) to the phase; returns now, the next phase's start.</summary>
    public long Add(IngestPhase phase, long started)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _ticks[(int)phase], now - started);
        return now;
    }

    /// <summary>Counts the records of a batch that went through.</summary>
    public void AddRecords(int count) => Interlocked.Add(ref _records, count);

    /// <summary>The totals so far; subtract an earlier snapshot to time a stretch.</summary>
    public PhaseTotals Snapshot() =>
        new([.. Enumerable.Range(0, _ticks.Length).Select(i => TimeSpan.FromSeconds((double)Volatile.Read(ref _ticks[i]) / Stopwatch.Frequency))],
            Interlocked.Read(ref _records));
}

/// <summary>Time per phase (indexed by <see cref="IngestPhase"/>) and the records it covers.</summary>
/// <param name="Times">Summed wall time of each phase.</param>
/// <param name="Records">Records that went through.</param>
internal sealed record PhaseTotals(IReadOnlyList<TimeSpan> Times, long Records)
{
    /// <summary>What happened between <paramref name="earlier"/> and this snapshot.</summary>
    public PhaseTotals Since(PhaseTotals earlier) => new([.. Times.Select((t, i) => t - earlier.Times[i])], Records - earlier.Records);
}
