namespace Campaigns.Plugins.Ranking.Features;

/// <summary>
/// Features of a candidate relative to the other candidates of the same customer (its query group): how it compares
/// with the customer's strongest item, whatever the customer's overall volume. A wholesaler's "3 purchase days" is
/// little, a household's is a lot; the share of the customer's best says which items matter to this customer.
/// </summary>
internal static class QueryFeatures
{
    /// <summary>Columns of <see cref="FeatureVector"/> compared within the group, and where each ratio goes.</summary>
    private static readonly (int From, int To)[] Ratios =
    [
        (FeatureVector.Decayed, FeatureVector.First),
        (FeatureVector.Occasions, FeatureVector.First + 1),
        (FeatureVector.DueProbability, FeatureVector.First + 2),
        (FeatureVector.ItemRecent30, FeatureVector.First + 3),
    ];

    /// <summary>Where these features start in the row.</summary>
    public const int Start = FeatureVector.First;

    /// <summary>How many columns these features fill: one ratio per compared column and the rank by decayed count.</summary>
    public const int Count = 5;

    /// <summary>
    /// Fills the group columns of the rows of one customer's candidates (already filled by <see cref="FeatureVector.Fill"/>):
    /// each compared value ÷ the group's largest (None where the value does not exist, 0 when the largest is 0), and
    /// 1 / the rank by decayed count among the items the customer bought (0 for items never bought; ties keep list order).
    /// </summary>
    public static void Fill(IReadOnlyList<float[]> rows)
    {
        foreach (var (from, to) in Ratios)
        {
            var max = 0f;
            foreach (var row in rows) max = Math.Max(max, row[from]);
            foreach (var row in rows) row[to] = row[from] == FeatureVector.None ? FeatureVector.None : max > 0 ? row[from] / max : 0;
        }
        var bought = Enumerable.Range(0, rows.Count).Where(r => rows[r][FeatureVector.Occasions] > 0)
            .OrderByDescending(r => rows[r][FeatureVector.Decayed]).ThenBy(r => r).ToArray();
        foreach (var row in rows) row[Start + Count - 1] = 0;
        for (var rank = 0; rank < bought.Length; rank++) rows[bought[rank]][Start + Count - 1] = 1f / (rank + 1);
    }
}
