namespace Campaigns.Triggers;

/// <summary>How often a host sweeps and when another host counts as dead (<c>Campaigns:Triggers</c> in the host's settings).</summary>
/// <param name="HostId">This host's name in <c>trigger_host_marks</c>: unique per process unless set (a fixed name adopts its previous life's marks at start).</param>
/// <param name="Every">The sweep: heartbeat, adopt the dead hosts' marks, retry what failed.</param>
/// <param name="DeadAfter">A host whose heartbeat is older than this is dead and its marks are adopted; longer than <paramref name="Every"/> by a margin.</param>
public sealed record TriggerSweepOptions(string HostId, TimeSpan Every, TimeSpan DeadAfter)
{
    /// <summary>A new host id, a sweep every minute, dead after three.</summary>
    public static TriggerSweepOptions Default() => new($"{Environment.MachineName}-{Guid.NewGuid():N}", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3));
}
