using Campaigns.Stages;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>What the segment tests ask of an audience stage: its report, and its customers as the pipeline streams them.</summary>
internal static class AudienceStages
{
    public static Task<SegmentReport> DescribeAsync(IAudienceStage stage) =>
        Assert.IsAssignableFrom<ISegmentInsights>(stage).DescribeAsync(CancellationToken.None);

    /// <summary>Prepares the stage and streams it in batches of <paramref name="batchSize"/>: every batch within the size, each customer once; ids sorted.</summary>
    public static async Task<string[]> SelectIdsAsync(IAudienceStage stage, int batchSize)
    {
        await stage.PrepareAsync(CancellationToken.None);
        var ids = new List<string>();
        await foreach (var batch in stage.SelectAsync(new AudienceRequest(batchSize), CancellationToken.None))
        {
            Assert.InRange(batch.Count, 1, batchSize);
            ids.AddRange(batch.Select(c => c.Id));
        }
        Assert.Equal(ids.Count, ids.Distinct().Count());
        return [.. ids.Order(StringComparer.Ordinal)];
    }
}
