using Campaigns.Plugins.Ranking.Candidates;

namespace Campaigns.Plugins.Ranking.Features;

/// <summary>
/// The features of one (customer, candidate) pair, as floats for the trees. Missing values (an item the customer never
/// bought has no recency) are NaN, which LightGBM treats as missing rather than as a number.
/// </summary>
internal static class FeatureVector
{
    /// <summary>Features that do not depend on the sources; each source adds <see cref="PerSource"/> more.</summary>
    public const int Base = 19;

    /// <summary>Per source: normalised score and reciprocal rank.</summary>
    public const int PerSource = 2;

    public static int Length(int sources) => Base + PerSource * sources;

    /// <summary>Writes the features of candidate <paramref name="candidate"/> of customer index <paramref name="customer"/> (-1: unknown) into <paramref name="target"/>.</summary>
    public static void Fill(Span<float> target, History h, int customer, CandidateItem candidate)
    {
        var item = h.Log.Items.Find(candidate.ItemId);
        var hasPair = h.TryGetPair(customer, item, out var pair);
        var cs = customer >= 0 ? h.Customers[customer] : default;
        var its = item >= 0 ? h.Items[item] : default;

        target[0] = pair.Occasions;
        target[1] = pair.Events;
        target[2] = hasPair ? Days(h.AsOf - pair.Last) : float.NaN;
        target[3] = hasPair ? Days(h.AsOf - pair.First) : float.NaN;
        target[4] = (float)pair.Decayed;
        // How far into its usual repurchase interval the item is (1 = due now); needs two separate purchase days.
        target[5] = pair.Occasions >= 2 ? (float)((h.AsOf - pair.Last) / ((double)(pair.Last - pair.First) / (pair.Occasions - 1))) : float.NaN;
        target[6] = cs.Occasions > 0 ? (float)pair.Occasions / cs.Occasions : 0;
        target[7] = cs.Occasions;
        target[8] = cs.RecentOccasions;
        target[9] = cs.Items;
        target[10] = cs.Items > 0 ? (float)cs.RepeatItems / cs.Items : float.NaN;
        target[11] = cs.Last > 0 ? Days(h.AsOf - cs.Last) : float.NaN;
        target[12] = its.Customers;
        target[13] = its.Recent30;
        target[14] = its.Recent7;
        target[15] = (float)its.RepurchaseRate;
        target[16] = its.First > 0 ? Days(h.AsOf - its.First) : float.NaN;
        target[17] = its.Last > 0 ? Days(h.AsOf - its.Last) : float.NaN;
        var listed = 0;
        for (var s = 0; s < candidate.Ranks.Length; s++)
        {
            var rank = candidate.Ranks[s];
            if (rank > 0) listed++;
            target[Base + PerSource * s] = candidate.Scores[s];
            target[Base + PerSource * s + 1] = rank > 0 ? 1f / rank : 0;
        }
        target[18] = listed;
    }

    private static float Days(long ticks) => (float)((double)ticks / TimeSpan.TicksPerDay);
}
