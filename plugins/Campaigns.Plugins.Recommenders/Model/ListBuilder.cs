using Campaigns.Stages;

namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>A scored candidate item of one customer.</summary>
internal readonly record struct Candidate(int Item, double Score);

/// <summary>Turns a customer's scored candidates into the final list: best first, popularity back-fill after.</summary>
internal static class ListBuilder
{
    /// <summary>The reason of back-filled items.</summary>
    public const string PopularReason = "popular";

    /// <summary>
    /// Sorts <paramref name="candidates"/> by score (ties: the more popular item first), keeps <paramref name="count"/>
    /// without the trigger item, and fills up from the popularity ranking.
    /// </summary>
    /// <remarks>
    /// Back-filled items score strictly below the last personal item and decrease with popularity, so scores stay
    /// ordered like the list even for callers that re-sort by score.
    /// </remarks>
    public static IReadOnlyList<Recommendation> Build(List<Candidate> candidates, int count, int trigger, Popularity popularity, IdMap items, Func<int, string> reason)
    {
        Comparison<Candidate> order = (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : popularity.RankOf[a.Item].CompareTo(popularity.RankOf[b.Item]);
        candidates = Best(candidates, count, trigger, order);
        candidates.Sort(order);
        var list = new List<Recommendation>(Math.Max(0, count));
        var taken = new HashSet<int>();
        foreach (var c in candidates)
        {
            if (list.Count >= count) return list;
            if (c.Item == trigger || !taken.Add(c.Item)) continue;
            list.Add(new Recommendation(items[c.Item], c.Score, reason(c.Item)));
        }
        var floor = list.Count > 0 ? Math.Max(list[^1].Score, 0) : 1.0;
        var top = popularity.Ranked.Length > 0 ? popularity.Customers[popularity.Ranked[0]] + 1.0 : 1.0;
        foreach (var i in popularity.Ranked)
        {
            if (list.Count >= count) break;
            if (i == trigger || !taken.Add(i)) continue;
            list.Add(new Recommendation(items[i], floor * popularity.Customers[i] / top, PopularReason));
        }
        return list;
    }

    /// <summary>
    /// The best count + 1 candidates (one spare for the trigger) when they hold count distinct items other than the
    /// trigger, else all of them: the list takes the first count distinct such items in sorted order, so the rest
    /// cannot change it. A bounded heap is O(n log count) where sorting thousands of EASE or user-knn candidates per
    /// customer was most of the recommend time at a million customers.
    /// </summary>
    private static List<Candidate> Best(List<Candidate> candidates, int count, int trigger, Comparison<Candidate> order)
    {
        var keep = count + 1;
        if (count <= 0 || candidates.Count <= 4 * keep) return candidates;
        // The root is the worst kept candidate.
        var heap = new PriorityQueue<Candidate, Candidate>(keep, Comparer<Candidate>.Create((a, b) => order(b, a)));
        foreach (var c in candidates)
        {
            if (heap.Count < keep) heap.Enqueue(c, c);
            else if (order(c, heap.Peek()) < 0) heap.DequeueEnqueue(c, c);
        }
        var best = new List<Candidate>(keep);
        var distinct = new HashSet<int>();
        while (heap.TryDequeue(out var c, out _))
        {
            best.Add(c);
            if (c.Item != trigger) distinct.Add(c.Item);
        }
        return distinct.Count >= count ? best : candidates;
    }
}
