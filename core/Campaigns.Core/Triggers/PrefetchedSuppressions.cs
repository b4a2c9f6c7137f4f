using Campaigns.Privacy;

namespace Campaigns.Triggers;

/// <summary>
/// The suppression list of a micro-batch's customers, read in one query and answered from memory: a batch of moments
/// is planned in many small groups (one per occurrence), and a query per group would cost more than the planning.
/// </summary>
internal sealed class PrefetchedSuppressions(IReadOnlyDictionary<string, string> listed) : ISuppressionLookup
{
    public static async Task<PrefetchedSuppressions> LoadAsync(SuppressionCheck check, IReadOnlyList<string> customerIds, string channelKind, CancellationToken ct) =>
        new(await check.FindAsync(customerIds, channelKind, ct));

    public Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyList<string> customerIds, string channelKind, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string> found = customerIds.Where(listed.ContainsKey).Distinct(StringComparer.Ordinal)
            .ToDictionary(id => id, id => listed[id], StringComparer.Ordinal);
        return Task.FromResult(found);
    }
}
