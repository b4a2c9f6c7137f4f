using System.Runtime.CompilerServices;
using Campaigns.Data;

namespace Campaigns.Host.Bench;

/// <summary>
/// A million (or any number of) profiles in memory with shop-like spreads (a few orders for most, many for some; 20
/// categories; recency up to two years), read the way a store reads them: pages in id order. Also serves the matching
/// customers, so the rule segment can run against it with no database in the way.
/// </summary>
internal sealed class SyntheticProfiles : IProfileReader, ICustomerReader
{
    private static readonly string[] Categories = ["KITCHEN", "BAG", "CHRISTMAS", "HEART", "VINTAGE", "CANDLE", "GARDEN", "CARD", "MUG", "LAMP",
        "TOY", "BOX", "SIGN", "CUSHION", "BOTTLE", "CLOCK", "FRAME", "PARTY", "BAKING", "JEWELLERY"];
    private readonly CustomerProfile[] _profiles;

    public SyntheticProfiles(int count, DateTimeOffset now, int seed = 42)
    {
        var random = new Random(seed);
        _profiles = new CustomerProfile[count];
        for (var i = 0; i < count; i++)
        {
            var orders = (int)Math.Min(200, Math.Floor(-Math.Log(1 - random.NextDouble()) * 4));
            var days = orders == 0 ? (double?)null : random.NextDouble() * 730;
            var affinity = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var c = 0; c < 3 && orders > 0; c++) affinity[Categories[random.Next(Categories.Length)]] = Math.Round(random.NextDouble() / 3, 3);
            _profiles[i] = new CustomerProfile($"c{i:D7}", now)
            {
                DaysSinceLastOrder = days,
                OrdersTotal = orders,
                Orders365d = days < 365 ? random.Next(orders + 1) : 0,
                Orders90d = days < 90 ? random.Next(Math.Min(orders, 6) + 1) : 0,
                Orders30d = days < 30 ? random.Next(Math.Min(orders, 3) + 1) : 0,
                RevenueTotal = orders * (decimal)Math.Round(10 + random.NextDouble() * 90, 2),
                CategoryAffinity = affinity,
                InterestTags = orders > 0 ? [Categories[random.Next(Categories.Length)].ToLowerInvariant()] : [],
            };
        }
    }

    public int Count => _profiles.Length;

    public async IAsyncEnumerable<IReadOnlyList<CustomerProfile>> ReadAllAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var start = 0; start < _profiles.Length; start += batchSize)
            yield return new ArraySegment<CustomerProfile>(_profiles, start, Math.Min(batchSize, _profiles.Length - start));
        await Task.CompletedTask;
    }

    public Task<IReadOnlyList<CustomerProfile>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CustomerProfile>>([.. ids.Select(id => _profiles[int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)])]);

    async IAsyncEnumerable<IReadOnlyList<Customer>> ICustomerReader.ReadAllAsync(int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var page in _profiles.Chunk(batchSize)) yield return [.. page.Select(p => new Customer(p.CustomerId))];
        await Task.CompletedTask;
    }

    Task<IReadOnlyList<Customer>> ICustomerReader.GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Customer>>([.. ids.Select(id => new Customer(id))]);
}
