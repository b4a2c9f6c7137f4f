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
            rows.Add(new PropensityRow { Features = features.Vector(at), Label = churn ? !bought : bought });
        }
        return new PropensitySet(ids, rows);
    }
}
