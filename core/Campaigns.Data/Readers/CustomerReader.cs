using System.Runtime.CompilerServices;
using Campaigns.Data.Access;

namespace Campaigns.Data.Readers;

/// <summary>Reads customers from either database.</summary>
internal sealed class CustomerReader(ISqlDatabase database) : ICustomerReader
{
    public async IAsyncEnumerable<IReadOnlyList<Customer>> ReadAllAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        string? after = null;
        while (true)
        {
            var rows = await Keyset.PageAsync<CustomerRow>(database, CustomerRow.Select, "id", after, batchSize, cancellationToken);
            if (rows.Count == 0)
                yield break;
            yield return rows.ConvertAll(r => r.ToCustomer());
            if (rows.Count < batchSize)
                yield break;
            after = rows[^1].Id;
        }
    }

    public async Task<IReadOnlyList<Customer>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var rows = await Keyset.ByIdsAsync<CustomerRow>(database, CustomerRow.Select, "id", ids, cancellationToken);
        return rows.ConvertAll(r => r.ToCustomer());
    }
}
