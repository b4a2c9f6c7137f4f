using System.Runtime.CompilerServices;
using Campaigns.Data.Access;

namespace Campaigns.Data.Readers;

/// <summary>Reads the catalogue from either database.</summary>
internal sealed class CatalogReader(ISqlDatabase database) : ICatalogReader
{
    public async Task<IReadOnlyList<CatalogItem>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var rows = await Keyset.ByIdsAsync<CatalogItemRow>(database, CatalogItemRow.Select, "id", ids, cancellationToken);
        return rows.ConvertAll(r => r.ToItem());
    }

    public async IAsyncEnumerable<IReadOnlyList<CatalogItem>> ReadAllAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        string? after = null;
        while (true)
        {
            var rows = await Keyset.PageAsync<CatalogItemRow>(database, CatalogItemRow.Select, "id", after, batchSize, cancellationToken);
            if (rows.Count == 0)
                yield break;
            yield return rows.ConvertAll(r => r.ToItem());
            if (rows.Count < batchSize)
                yield break;
            after = rows[^1].Id;
        }
    }
}
