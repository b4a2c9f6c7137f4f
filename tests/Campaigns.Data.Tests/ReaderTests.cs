using Campaigns.Data.Tests.Fixtures;
using Campaigns.Storage;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

public abstract class ReaderTests(DatabaseFixture fixture)
{
    private readonly IImportWriter _writer = fixture.Get<IImportWriter>();
    private readonly ICustomerReader _customers = fixture.Get<ICustomerReader>();
    private readonly ICatalogReader _items = fixture.Get<ICatalogReader>();

    [Fact]
    public async Task ReadAll_streams_every_customer_once_in_id_order_in_full_batches()
    {
        var prefix = Unique("all");
        var mine = Enumerable.Range(0, 257).Select(i => Customer($"{prefix}-{i:D4}")).Reverse().ToArray();
        await _writer.AddCustomersAsync(mine, default);

        var batches = new List<IReadOnlyList<Customer>>();
        await foreach (var batch in _customers.ReadAllAsync(50, default))
            batches.Add(batch);

        var ids = batches.SelectMany(b => b).Select(c => c.Id).ToList();
        Assert.All(batches.SkipLast(1), b => Assert.Equal(50, b.Count));
        Assert.InRange(batches[^1].Count, 1, 50);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Subset(ids.ToHashSet(), mine.Select(c => c.Id).ToHashSet());
        Assert.Equal("gold", batches.SelectMany(b => b).First(c => c.Id == mine[0].Id).Attributes["tier"]);
    }

    [Fact]
    public async Task GetMany_asks_in_chunks_and_leaves_unknown_ids_out()
    {
        var prefix = Unique("many");
        var known = Enumerable.Range(0, 1_200).Select(i => $"{prefix}-{i:D4}").ToArray();
        await _writer.AddCustomersAsync([.. known.Select(id => Customer(id))], default);
        string[] asked = [.. known.Take(1_100), .. Enumerable.Range(0, 300).Select(i => $"{prefix}-unknown-{i}"), known[0]];

        var found = await _customers.GetManyAsync(asked, default);

        Assert.Equal(known.Take(1_100).ToHashSet(), found.Select(c => c.Id).ToHashSet());
        Assert.Equal(1_100, found.Count);
        Assert.Empty(await _customers.GetManyAsync([], default));
        Assert.Empty(await _customers.GetManyAsync([prefix + "-nobody"], default));
    }

    [Fact]
    public async Task The_catalog_reads_all_items_in_id_order_and_by_ids()
    {
        var prefix = Unique("cat");
        await _writer.AddItemsAsync([.. Enumerable.Range(0, 23).Select(i => Item($"{prefix}-{i:D2}", i + 0.99m))], default);

        var ids = new List<string>();
        await foreach (var batch in _items.ReadAllAsync(5, default))
        {
            Assert.InRange(batch.Count, 1, 5);
            ids.AddRange(batch.Select(i => i.Id));
        }
        var some = await _items.GetManyAsync([prefix + "-03", prefix + "-22", prefix + "-99"], default);

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(23, ids.Count(id => id.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Equal([3.99m, 22.99m], some.OrderBy(i => i.Id, StringComparer.Ordinal).Select(i => i.Price));
    }
}

public sealed class SqliteReaderTests(SqliteFixture fixture) : ReaderTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresReaderTests(PostgresFixture fixture) : ReaderTests(fixture), IClassFixture<PostgresFixture>;
