using Campaigns.Data.Tests.Fixtures;
using Campaigns.Storage;
using static Campaigns.Data.Tests.TestData;

namespace Campaigns.Data.Tests;

public abstract class ImportTests(DatabaseFixture fixture)
{
    private readonly IImportWriter _writer = fixture.Get<IImportWriter>();
    private readonly ICustomerReader _customers = fixture.Get<ICustomerReader>();
    private readonly ICatalogReader _items = fixture.Get<ICatalogReader>();
    private readonly IInteractionReader _events = fixture.Get<IInteractionReader>();

    [Fact]
    public async Task Adding_the_same_customers_twice_stores_them_once_with_every_field()
    {
        var prefix = Unique("cust");
        var batch = Enumerable.Range(0, 30).Select(i => Customer($"{prefix}-{i:D2}")).ToArray();

        Assert.Equal(30, await _writer.AddCustomersAsync(batch, default));
        Assert.Equal(0, await _writer.AddCustomersAsync(batch, default));
        Assert.Equal(1, await _writer.AddCustomersAsync([.. batch, Customer(prefix + "-new"), Customer(prefix + "-new")], default));

        var stored = await _customers.GetManyAsync([.. batch.Select(c => c.Id), prefix + "-new"], default);
        Assert.Equal(31, stored.Count);
        var first = stored.Single(c => c.Id == batch[0].Id);
        Assert.Equal(batch[0].Email, first.Email);
        Assert.Equal("+441234567890", first.Phone);
        Assert.Equal("Europe/London", first.TimeZone);
        Assert.Equal("en-GB", first.Locale);
        Assert.True(first.HasConsent("email"));
        Assert.False(first.HasConsent("sms"));
        Assert.Equal("gold", first.Attributes["tier"]);
    }

    [Fact]
    public async Task Adding_keeps_an_existing_customer_and_upserting_replaces_it()
    {
        var id = Unique("cust");
        await _writer.AddCustomersAsync([Customer(id)], default);

        Assert.Equal(0, await _writer.AddCustomersAsync([new Customer(id) { Email = "other@example.com" }], default));
        Assert.Equal(id + "@example.com", (await _customers.GetManyAsync([id], default)).Single().Email);

        await _writer.UpsertCustomersAsync([new Customer(id) { Email = "new@example.com", TimeZone = "Asia/Tokyo" }], default);
        var replaced = (await _customers.GetManyAsync([id], default)).Single();
        Assert.Equal("new@example.com", replaced.Email);
        Assert.Equal("Asia/Tokyo", replaced.TimeZone);
        Assert.Null(replaced.Phone);
        Assert.Empty(replaced.Consent);
    }

    [Fact]
    public async Task Items_are_added_once_and_upserts_replace_every_field()
    {
        var prefix = Unique("item");
        var items = new[] { Item(prefix + "-a", 12.95m), Item(prefix + "-b", 3m) with { Stock = null, Tags = [] } };

        Assert.Equal(2, await _writer.AddItemsAsync(items, default));
        Assert.Equal(0, await _writer.AddItemsAsync(items, default));
        var stored = (await _items.GetManyAsync([prefix + "-a", prefix + "-b"], default)).OrderBy(i => i.Id, StringComparer.Ordinal).ToArray();
        Assert.Equal(12.95m, stored[0].Price);
        Assert.Equal(7, stored[0].Stock);
        Assert.Equal(["new", "promo"], stored[0].Tags);
        Assert.Equal("mugs", stored[0].Category);
        Assert.Equal($"https://shop.example/{prefix}-a.jpg", stored[0].ImageUrl);
        Assert.Null(stored[1].Stock);
        Assert.Empty(stored[1].Tags);

        await _writer.UpsertItemsAsync([new CatalogItem(prefix + "-a", "Renamed") { Price = 1.5m }, new CatalogItem(prefix + "-a", "Last wins") { Price = 2m }], default);
        var replaced = (await _items.GetManyAsync([prefix + "-a"], default)).Single();
        Assert.Equal("Last wins", replaced.Title);
        Assert.Equal(2m, replaced.Price);
        Assert.Null(replaced.Stock);
        Assert.Null(replaced.Description);
    }

    [Fact]
    public async Task Events_are_added_once_by_event_id()
    {
        var prefix = Unique("ev");
        var at = new DateTimeOffset(2011, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);
        var events = Enumerable.Range(0, 50).Select(i => Event($"{prefix}-{i}", prefix + "-cust", "sku-1", at.AddMinutes(i), quantity: 2)).ToArray();

        Assert.Equal(50, await _writer.AddEventsAsync(events, default));
        Assert.Equal(0, await _writer.AddEventsAsync(events, default));
        Assert.Equal(1, await _writer.AddEventsAsync([events[0], Event(prefix + "-x", prefix + "-cust", "", at.AddDays(1))], default));

        var read = new List<Interaction>();
        await foreach (var batch in _events.ReadAsync(new InteractionQuery(at, at.AddDays(2)), 100, default))
            read.AddRange(batch);
        Assert.Equal(51, read.Count);
        Assert.Equal(new Interaction(prefix + "-cust", "sku-1", InteractionTypes.Purchase, at, 2, 2.5m), read[0]);
        Assert.Equal("", read[^1].ItemId);
    }

    [Fact]
    public async Task Empty_batches_write_nothing()
    {
        Assert.Equal(0, await _writer.AddCustomersAsync([], default));
        Assert.Equal(0, await _writer.AddItemsAsync([], default));
        Assert.Equal(0, await _writer.AddEventsAsync([], default));
        await _writer.UpsertCustomersAsync([], default);
        await _writer.UpsertItemsAsync([], default);
    }
}

public sealed class SqliteImportTests(SqliteFixture fixture) : ImportTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresImportTests(PostgresFixture fixture) : ImportTests(fixture), IClassFixture<PostgresFixture>;
