using Campaigns.Plugins.Segmentation.ML.Features;
using Microsoft.ML.Data;

namespace Campaigns.Plugins.Segmentation.ML.Propensity;

/// <summary>One customer at a cutoff: features from before it, and whether the target happened in the horizon after it.</summary>
internal sealed class PropensityRow
{
    /// <summary>The features in original units (trees need no scaling).</summary>
    [VectorType(CustomerFeatures.Count)]
    public float[] Features { get; set; } = [];

    /// <summary>True when the target happened (bought for <c>buy</c>, did not buy for <c>churn</c>).</summary>
    public bool Label { get; set; }
}

/// <summary>The classifier's output for a row.</summary>
internal sealed class PropensityScore
{
    /// <summary>The calibrated probability of the target.</summary>
    public float Probability { get; set; }
}

/// <summary>The customers a cutoff scores, with their rows, in id order.</summary>
/// <param name="Ids">Customer ids.</param>
/// <param name="Rows">Their rows, in the same order.</param>
internal sealed record PropensitySet(IReadOnlyList<string> Ids, IReadOnlyList<PropensityRow> Rows)
{
    /// <summary>The labels, in order.</summary>
    public IReadOnlyList<bool> Labels => [.. Rows.Select(r => r.Label)];

    /// <summary>The rows of several sets as one (a customer appears once per set).</summary>
    public static PropensitySet Concat(IEnumerable<PropensitySet> sets)
    {
        var all = sets.ToList();
        return new PropensitySet([.. all.SelectMany(s => s.Ids)], [.. all.SelectMany(s => s.Rows)]);
    }

    /// <summary>
    /// At most <paramref name="max"/> rows, the same share of each class (a stratified sample, seeded, in the original
    /// order): FastTree on a million stacked rows costs minutes and gigabytes for a ranking 200,000 rows already learn.
    /// </summary>
    public PropensitySet Sample(int max, int seed)
    {
        if (Rows.Count <= max) return this;
        var random = new Random(seed);
        var keep = new List<int>(max);
        foreach (var label in new[] { true, false })
        {
            var indexes = Enumerable.Range(0, Rows.Count).Where(i => Rows[i].Label == label).ToArray();
            random.Shuffle(indexes);
            keep.AddRange(indexes.Take((int)Math.Round(indexes.Length * (double)max / Rows.Count)));
        }
        keep.Sort();
        return new PropensitySet([.. keep.Select(i => Ids[i])], [.. keep.Select(i => Rows[i])]);
    }

    /// <summary>
    /// The customers to score from their stored profiles at <paramref name="at"/>, with the same eligibility as
    /// <see cref="At"/> (for <c>churn</c>, an order in the <c>activeDays</c> before it). Labels are unknown (false).
    /// </summary>
    public static PropensitySet FromProfiles(IReadOnlyList<ProfileFeatures.Row> profiles, DateTimeOffset at, PropensitySegmentOptions options)
    {
        var eligible = options.Target == "churn" ? profiles.Where(p => p.LastOrderAt >= at.AddDays(-options.ActiveDays)).ToList() : profiles;
        return new PropensitySet([.. eligible.Select(p => p.Id)], [.. eligible.Select(p => new PropensityRow { Features = p.Raw })]);
    }

    /// <summary>
    /// The customers of cutoff number <paramref name="cutoff"/> the target applies to: everyone with a purchase before it
    /// for <c>buy</c>; for <c>churn</c>, only those with a purchase in the <c>activeDays</c> before it (a customer who
    /// left long ago cannot churn now).
    /// </summary>
    public static PropensitySet At(PurchaseLog log, int cutoff, PropensitySegmentOptions options)
    {
        var at = log.Cutoffs[cutoff];
        var churn = options.Target == "churn";
        var ids = new List<string>();
        var rows = new List<PropensityRow>();
        foreach (var (id, features, bought) in log.At(cutoff))
        {
            if (churn && features.LastAt < at.AddDays(-options.ActiveDays)) continue;
            ids.Add(id);
            rows.Add(new PropensityRow { Features = features.Vector(at, log.Categories), Label = churn ? !bought : bought });
        }
        return new PropensitySet(ids, rows);
    }
}
