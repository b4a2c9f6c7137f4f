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
        candidates.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : popularity.RankOf[a.Item].CompareTo(popularity.RankOf[b.Item]));
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
}
