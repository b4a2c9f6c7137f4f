using Campaigns.Storage;

namespace Campaigns.Privacy;

/// <summary>
/// The suppression lookup every planner makes: a customer is listed under their id, or, once erased, under their
/// hashed id; so a customer imported again after erasure is still refused (<c>suppressed:erased</c>).
/// </summary>
public sealed class SuppressionCheck(ISuppressionStore store, ICustomerIdHasher hasher) : ISuppressionLookup
{
    /// <summary>The strongest reason listed for each customer of <paramref name="customerIds"/> on <paramref name="channelKind"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyList<string> customerIds, string channelKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var hashed = await hasher.HashAsync(customerIds, cancellationToken);
        var listed = await store.FindAsync([.. customerIds, .. hashed], channelKind, cancellationToken);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        if (listed.Count == 0) return reasons;
        for (var i = 0; i < customerIds.Count; i++)
        {
            var byId = listed.GetValueOrDefault(customerIds[i]);
            var byHash = listed.GetValueOrDefault(hashed[i]);
            var reason = byId is null ? byHash
                : byHash is null ? byId
                : SuppressionReasons.Severity(byHash) <= SuppressionReasons.Severity(byId) ? byHash : byId;
            if (reason is not null) reasons[customerIds[i]] = reason;
        }
        return reasons;
    }
}
