using Campaigns.Data;

namespace Campaigns.Plugins.Segmentation.ML.Features;

/// <summary>Streams the customers of a chosen segment in the batch size the pipeline asks for, each once.</summary>
internal static class SegmentMembers
{
    /// <summary>
    /// Looks the ids up one batch at a time; ids of customers the shop never exported (events can name them) are left
    /// out by the reader.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<Customer>> StreamAsync(ICustomerReader customers, IReadOnlyList<string> ids, int batchSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var pending = new List<Customer>(batchSize);
        foreach (var chunk in ids.Chunk(batchSize))
        {
            pending.AddRange(await customers.GetManyAsync(chunk, cancellationToken));
            while (pending.Count >= batchSize)
            {
                yield return pending[..batchSize];
                pending.RemoveRange(0, batchSize);
            }
        }
        if (pending.Count > 0) yield return pending.ToArray();
    }
}
