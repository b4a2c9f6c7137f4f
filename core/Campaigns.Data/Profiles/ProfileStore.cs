using System.Runtime.CompilerServices;
using Campaigns.Data.Access;
using Campaigns.Data.Bulk;
using Campaigns.Data.Readers;
using Campaigns.Storage;

namespace Campaigns.Data.Profiles;

/// <summary>The <c>profiles</c> table on either database: bulk upserts, keyset streaming, reads by id.</summary>
internal sealed class ProfileStore(ISqlDatabase database, IBulkWriter bulk) : IProfileStore
{
    public Task UpsertAsync(IReadOnlyList<CustomerProfile> profiles, CancellationToken cancellationToken) =>
        bulk.UpsertAsync(ProfileTable.Spec, profiles, cancellationToken);

    public async IAsyncEnumerable<IReadOnlyList<CustomerProfile>> ReadAllAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        string? after = null;
        while (true)
        {
            var rows = await Keyset.PageAsync<ProfileRow>(database, ProfileRow.Select, "customer_id", after, batchSize, cancellationToken);
            if (rows.Count == 0) yield break;
            yield return rows.ConvertAll(r => r.ToProfile());
            if (rows.Count < batchSize) yield break;
            after = rows[^1].CustomerId;
        }
    }

    public async Task<IReadOnlyList<CustomerProfile>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var rows = await Keyset.ByIdsAsync<ProfileRow>(database, ProfileRow.Select, "customer_id", ids, cancellationToken);
        return rows.ConvertAll(r => r.ToProfile());
    }
}
