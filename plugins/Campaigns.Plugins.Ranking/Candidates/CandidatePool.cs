using Campaigns.Data;
using Campaigns.Stages;

namespace Campaigns.Plugins.Ranking.Candidates;

/// <summary>One candidate item of one customer: where the sources put it.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Reason">The reason of the first source that listed it.</param>
/// <param name="Scores">Per source: its score divided by the best score of that source's list (NaN when not listed).</param>
/// <param name="Ranks">Per source: its 1-based position in that source's list (0 when not listed).</param>
internal sealed record CandidateItem(string ItemId, string Reason, float[] Scores, int[] Ranks);

/// <summary>The candidate sources, prepared together, and the merge of their lists into one candidate set per customer.</summary>
internal sealed class CandidatePool(IRecommenderStage[] sources, int[] depths)
{
    /// <summary>How many sources each candidate carries features of.</summary>
    public int SourceCount => sources.Length;

    public Task PrepareAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(sources.Select(s => s.PrepareAsync(cancellationToken).AsTask()));

    /// <summary>
    /// Each customer's candidates in merge order: the first source's list, then what later sources add. Every source is
    /// asked for at least <paramref name="count"/> items, so a long request still gets a long list.
    /// </summary>
    public async Task<List<CandidateItem>[]> CollectAsync(IReadOnlyList<Customer> customers, int count, string? triggerItemId, CancellationToken cancellationToken)
    {
        var lists = await Task.WhenAll(sources.Select((s, i) =>
            s.RecommendAsync(customers, new RecommendationRequest(Math.Max(depths[i], count), triggerItemId), cancellationToken)));
        var result = new List<CandidateItem>[customers.Count];
        for (var c = 0; c < customers.Count; c++)
        {
            var merged = new List<CandidateItem>();
            var index = new Dictionary<string, CandidateItem>(StringComparer.Ordinal);
            for (var s = 0; s < lists.Length; s++)
            {
                var list = lists[s][c];
                var best = list.Count > 0 ? list.Max(r => r.Score) : 0;
                for (var rank = 0; rank < list.Count; rank++)
                {
                    var r = list[rank];
                    if (r.ItemId == triggerItemId) continue;
                    if (!index.TryGetValue(r.ItemId, out var item))
                    {
                        item = new CandidateItem(r.ItemId, r.Reason, NewScores(lists.Length), new int[lists.Length]);
                        index.Add(r.ItemId, item);
                        merged.Add(item);
                    }
                    if (item.Ranks[s] != 0) continue; // a duplicate in one list counts once, at its best position
                    item.Ranks[s] = rank + 1;
                    item.Scores[s] = best > 0 ? (float)(r.Score / best) : 0;
                }
            }
            result[c] = merged;
        }
        return result;
    }

    private static float[] NewScores(int n)
    {
        var scores = new float[n];
        Array.Fill(scores, float.NaN);
        return scores;
    }
}
