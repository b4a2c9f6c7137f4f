namespace Campaigns.Triggers;

/// <summary>
/// This host's trigger watermarks, in memory: how far what it accepted is planned (the live mark) and, per campaign,
/// where a replay must start (a failed batch, or marks adopted from a dead host). The sweep writes them to the database.
/// </summary>
public sealed class TriggerHostMarks(TriggerSweepOptions options, TriggerQueue queue)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _retry = new(StringComparer.Ordinal);

    /// <summary>This host's id in <c>trigger_host_marks</c>.</summary>
    public string HostId => options.HostId;

    /// <summary>The campaigns in <paramref name="failed"/> did not plan <paramref name="batch"/>: they are replayed from its oldest write.</summary>
    public void Failed(IReadOnlyList<TriggerWork> batch, IReadOnlySet<string> failed)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(failed);
        lock (_gate)
        {
            foreach (var work in batch)
                if (failed.Contains(work.Campaign.Id)) Merge(work.Campaign.Id, work.AcceptedAt);
        }
    }

    /// <summary>Replays <paramref name="campaignId"/> from <paramref name="from"/> at the next sweep (unless an earlier replay is already due).</summary>
    public void Retry(string campaignId, DateTimeOffset from)
    {
        lock (_gate) Merge(campaignId, from);
    }

    /// <summary>The replays due, handed to the caller: put back with <see cref="Retry"/> what does not succeed.</summary>
    public IReadOnlyList<KeyValuePair<string, DateTimeOffset>> TakeRetries()
    {
        lock (_gate)
        {
            var due = _retry.ToList();
            _retry.Clear();
            return due;
        }
    }

    /// <summary>
    /// The marks to store at <paramref name="now"/> for <paramref name="campaignIds"/>: what this host accepted before
    /// the live mark is planned, except for campaigns with a replay due, whose mark is where the replay starts.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Current(DateTimeOffset now, IEnumerable<string> campaignIds)
    {
        ArgumentNullException.ThrowIfNull(campaignIds);
        lock (_gate)
        {
            // Read after the clock: work written later than "now" cannot make an empty queue's mark wrong.
            var live = Min(now, queue.OldestPending);
            var marks = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal) { [Storage.HostMark.HostRow] = live };
            foreach (var id in campaignIds) marks[id] = live;
            foreach (var (id, from) in _retry) marks[id] = Min(live, from);
            marks[Storage.HostMark.HostRow] = marks.Values.Min();
            return marks;
        }
    }

    private void Merge(string campaignId, DateTimeOffset from) =>
        _retry[campaignId] = _retry.TryGetValue(campaignId, out var known) && known < from ? known : from;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other < a ? other : a;
}
