using Campaigns.Data;

namespace Campaigns.Evaluation;

/// <summary>
/// Who is evaluated and what counts as relevant, from a split. Interactions are reduced to (user, item) pairs: a user
/// who bought an item three times in the test period has one relevant item, not three.
/// </summary>
internal sealed class GroundTruth
{
    private static readonly HashSet<string> None = [];

    private readonly Dictionary<string, HashSet<string>> _seen;
    private readonly Dictionary<string, HashSet<string>> _relevant;

    public GroundTruth(TrainTestSplit split, bool removeSeen)
    {
        _seen = ItemsByUser(split.Train);
        _relevant = ItemsByUser(split.Test);
        if (removeSeen)
        {
            foreach (var (user, items) in _relevant)
                if (_seen.TryGetValue(user, out var seen)) items.ExceptWith(seen);
        }
        Users = [.. _relevant.Where(r => r.Value.Count > 0 && _seen.ContainsKey(r.Key)).Select(r => r.Key).Order(StringComparer.Ordinal)];
        TrainItems = split.Train.Select(e => e.ItemId).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>Users with at least one training interaction and at least one relevant test item, ordered by id.</summary>
    public IReadOnlyList<string> Users { get; }

    /// <summary>Distinct items in training: the denominator of coverage.</summary>
    public int TrainItems { get; }

    /// <summary>The items the user had in training.</summary>
    public IReadOnlySet<string> Seen(string user) => _seen.GetValueOrDefault(user) ?? None;

    /// <summary>The user's relevant test items.</summary>
    public IReadOnlySet<string> Relevant(string user) => _relevant.GetValueOrDefault(user) ?? None;

    private static Dictionary<string, HashSet<string>> ItemsByUser(IEnumerable<Interaction> events)
    {
        var byUser = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (!byUser.TryGetValue(e.CustomerId, out var items)) byUser[e.CustomerId] = items = new HashSet<string>(StringComparer.Ordinal);
            items.Add(e.ItemId);
        }
        return byUser;
    }
}
