using Campaigns.Plugins.Ranking.Candidates;

namespace Campaigns.Plugins.Ranking.Features;

/// <summary>
/// The features of one (customer, candidate) pair, as floats for the trees. A value that does not exist (the recency
/// of an item the customer never bought, the score of a source that did not list the item) is <see cref="None"/>, a
/// number no real value takes, never NaN: trees split it off like any value, and the tree walk of <c>Trees</c> needs
/// no missing-value rule.
/// </summary>
internal static class FeatureVector
{
    /// <summary>Features that do not depend on the sources; each source adds <see cref="PerSource"/> more.</summary>
    public const int Base = First + QueryFeatures.Count;

    /// <summary>Column of the customer's purchase days of the item.</summary>
    public const int Occasions = 0;

    /// <summary>Column of the customer's 90-day-decayed count of the item.</summary>
    public const int Decayed = 4;

    /// <summary>Column of the item's customers in the last 30 days.</summary>
    public const int ItemRecent30 = 13;

    /// <summary>Column of the probability that the customer buys the item again within the horizon (<see cref="Repurchase"/>).</summary>
    public const int DueProbability = 24;

    /// <summary>First column of the features relative to the customer's other candidates (<see cref="QueryFeatures"/>).</summary>
    public const int First = 30;

    /// <summary>Per source: normalised score and reciprocal rank.</summary>
    public const int PerSource = 2;

    /// <summary>Stands for "does not exist": every real feature is ≥ -1.</summary>
    public const float None = -2;

    public static int Length(int sources) => Base + PerSource * sources;

    /// <summary>
    /// Writes the features of candidate <paramref name="candidate"/> of customer index <paramref name="customer"/> (-1:
    /// unknown) into <paramref name="target"/>; <paramref name="horizonDays"/> is how far ahead "due" looks. The columns
    /// relative to the customer's other candidates are <see cref="QueryFeatures"/>'s, filled once the group is complete.
    /// </summary>
    public static void Fill(Span<float> target, History h, int customer, CandidateItem candidate, double horizonDays, IReadOnlyDictionary<int, (float Recent, float Any)>? peers = null)
    {
        var item = h.Log.Items.Find(candidate.ItemId);
        var hasPair = h.TryGetPair(customer, item, out var pair);
        var cs = customer >= 0 ? h.Customers[customer] : default;
        var its = item >= 0 ? h.Items[item] : default;

        target[0] = pair.Occasions;
        target[1] = pair.Events;
        target[2] = hasPair ? pair.LastAgeDays : None;
        target[3] = hasPair ? Days(h.AsOf - pair.First) : None;
        target[4] = (float)pair.Decayed;
        // How far into its usual repurchase interval the item is (1 = due now); needs two separate purchase days.
        target[5] = pair.Occasions >= 2 ? (float)((h.AsOf - pair.Last) / ((double)(pair.Last - pair.First) / (pair.Occasions - 1))) : None;
        target[6] = cs.Occasions > 0 ? (float)pair.Occasions / cs.Occasions : 0;
        target[7] = cs.Occasions;
        target[8] = cs.RecentOccasions;
        target[9] = cs.Items;
        target[10] = cs.Items > 0 ? (float)cs.RepeatItems / cs.Items : None;
        target[11] = cs.Last > 0 ? Days(h.AsOf - cs.Last) : None;
        target[12] = its.Customers;
        target[13] = its.Recent30;
        target[14] = its.Recent7;
        target[15] = (float)its.RepurchaseRate;
        target[16] = its.First > 0 ? Days(h.AsOf - its.First) : None;
        target[17] = its.Last > 0 ? Days(h.AsOf - its.Last) : None;
        var momentum = item >= 0 ? h.Momentum[item] : default;
        var rhythm = customer >= 0 ? h.Rhythms[customer] : default;
        target[19] = momentum.Ramp14;
        target[20] = momentum.Ramp30;
        // Due-ness of the customer's next order: days since their last purchase day ÷ their median gap (1 = due now).
        target[21] = rhythm.MedianGapDays > 0 && cs.Last > 0 ? (float)(Days(h.AsOf - cs.Last) / rhythm.MedianGapDays) : None;
        target[22] = cs.Occasions > 0 ? (float)rhythm.AutumnShare : None;
        target[23] = (float)rhythm.LinesPerDay;
        target[DueProbability] = pair.Occasions >= 2
            ? Repurchase.DueProbability(Days(pair.Last - pair.First) / (pair.Occasions - 1.0), Days(h.AsOf - pair.Last), horizonDays)
            : None;
        // What the customer's peers bought lately, and at all (Peers): None when the options leave peers out.
        var peer = item >= 0 && peers is not null ? peers.GetValueOrDefault(item) : default;
        target[25] = h.Settings.Peers > 0 ? peer.Recent : None;
        target[26] = h.Settings.Peers > 0 ? peer.Any : None;
        // How much of it the customer takes: a shop's staples are bought by the box, its trials one at a time.
        target[27] = hasPair ? (float)Math.Log(1 + pair.Quantity) : None;
        target[28] = hasPair && cs.Quantity > 0 ? (float)(pair.Quantity / cs.Quantity) : None;
        // A bought pair has at least one line, and so has its item.
        target[29] = hasPair ? (float)Math.Log((pair.Quantity / pair.Events + 1) / (its.UnitsPerLine + 1)) : None;
        var listed = 0;
        for (var s = 0; s < candidate.Ranks.Length; s++)
        {
            var rank = candidate.Ranks[s];
            if (rank > 0) listed++;
            target[Base + PerSource * s] = float.IsNaN(candidate.Scores[s]) ? None : Math.Clamp(candidate.Scores[s], -1, 1);
            target[Base + PerSource * s + 1] = rank > 0 ? 1f / rank : 0;
        }
        target[18] = listed;
    }

    private static float Days(long ticks) => (float)((double)ticks / TimeSpan.TicksPerDay);
}
