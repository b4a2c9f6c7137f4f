namespace Campaigns.Stages;

/// <summary>
/// Since contract 1.3, optional: an audience stage that can show a marketer the segments it chooses from (the clusters
/// of a K-means segmentation, the quality of a propensity model) before a campaign picks one. The host asks for it in
/// the <c>segments</c> command and its HTTP endpoint; a stage that does not implement it simply has no report.
/// </summary>
public interface ISegmentInsights
{
    /// <summary>
    /// Computes what the stage would choose from and describes it. Works without the options that pick a segment
    /// (such as a cluster name), so a marketer can see the choices first.
    /// </summary>
    Task<SegmentReport> DescribeAsync(CancellationToken cancellationToken);
}

/// <summary>What an audience stage found.</summary>
/// <param name="Title">One line: what was computed, e.g. <c>k-means, k=4 chosen by Davies-Bouldin</c>.</param>
/// <param name="Segments">The segments, in the stage's order.</param>
public sealed record SegmentReport(string Title, IReadOnlyList<SegmentSummary> Segments)
{
    /// <summary>Figures about the whole computation (model quality, baselines), in display order.</summary>
    public IReadOnlyList<SegmentFigure> Figures { get; init; } = [];
}

/// <summary>One segment a campaign can pick.</summary>
/// <param name="Name">The name a campaign's options use to pick it, e.g. <c>recent frequent high spenders</c>.</param>
/// <param name="Customers">How many customers it holds.</param>
public sealed record SegmentSummary(string Name, long Customers)
{
    /// <summary>What characterises it, in the units a marketer knows (days, orders, money), in display order.</summary>
    public IReadOnlyList<SegmentFigure> Figures { get; init; } = [];
}

/// <summary>A named number, e.g. <c>AUC</c> 0.81 or <c>days since last order</c> 12.</summary>
/// <param name="Name">What it is.</param>
/// <param name="Value">Its value.</param>
public sealed record SegmentFigure(string Name, double Value);
