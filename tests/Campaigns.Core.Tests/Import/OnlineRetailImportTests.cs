using Campaigns.Data;
using Campaigns.Import;

namespace Campaigns.Core.Tests.Import;

public sealed class OnlineRetailImportTests : IDisposable
{
    // Line numbers in the comments are those of the file (the header is line 1).
    private const string Sample = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
        536365,71053,WHITE METAL LANTERN ,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom
        536365,71053,WHITE METAL LANTERN ,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom
        536366,POST,POSTAGE,1,2010-12-01 08:28:00,18.0,17850.0,United Kingdom
        536367,22633,HAND WARMER UNION JACK,6,2010-12-01 08:34:00,1.85,,United Kingdom
        C536379,71053,WHITE METAL LANTERN,-2,2010-12-01 09:41:00,3.39,17850.0,United Kingdom
        581001,85123A,"CREAM HANGING HEART T-LIGHT HOLDER, NEW",12,2011-06-01 10:00:00,2.95,12345.0,Germany
        581002,85123A,?,1,2011-06-02 11:00:00,0,12345.0,Germany

        """;

    private readonly ImportTestFiles _files = new();
    private readonly InMemoryImportWriter _writer = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Imports_purchases_returns_and_counts_skipped_lines(bool gzip)
    {
        var result = await Import(_files.Write(Sample, gzip));

        Assert.Equal(ImportFormat.OnlineRetail, result.Format);
        Assert.Equal(8, result.Lines);
        Assert.Equal(6, result.EventsAdded);
        Assert.Equal(1, result.SkippedGuest);
        Assert.Equal(1, result.SkippedNonProduct);
        Assert.Equal(0, result.BadRows);
        Assert.Empty(result.Errors);
        Assert.Equal(2, result.CustomersAdded);
        Assert.Equal(2, result.ItemsAdded);
        Assert.Empty(_writer.OrderViolations);
        Assert.DoesNotContain(_writer.Items.Keys, id => id is "POST" or "22633");
    }

    [Fact]
    public async Task Cancellation_lines_become_returns_with_absolute_quantity_and_value()
    {
        await Import(_files.Write(Sample));

        var ret = Assert.Single(_writer.Events.Values, e => e.Type == InteractionTypes.Return);
        Assert.Equal(new Interaction("17850", "71053", InteractionTypes.Return, Utc(2010, 12, 1, 9, 41), 2, 6.78m), ret);
        Assert.Equal(5, _writer.Events.Values.Count(e => e.Type == InteractionTypes.Purchase));
    }

    [Fact]
    public async Task UK_local_time_becomes_UTC_in_winter_and_summer()
    {
        await Import(_files.Write(Sample));

        Assert.Equal(Utc(2010, 12, 1, 8, 26), _writer.Events["or:536365:85123A:1"].OccurredAt);
        Assert.Equal(Utc(2011, 6, 1, 9, 0), _writer.Events["or:581001:85123A:1"].OccurredAt);
    }

    [Fact]
    public async Task Duplicate_lines_are_kept_apart_by_occurrence_and_values_multiply_price()
    {
        await Import(_files.Write(Sample));

        Assert.Equal(20.34m, _writer.Events["or:536365:71053:1"].Value);
        Assert.Equal(6, _writer.Events["or:536365:71053:2"].Quantity);
        Assert.Equal(35.40m, _writer.Events["or:581001:85123A:1"].Value);
    }

    [Fact]
    public async Task Customers_get_time_zone_and_country_from_the_file_and_only_file_consent()
    {
        await Import(_files.Write(Sample));

        var london = _writer.Customers["17850"];
        Assert.Equal("Europe/London", london.TimeZone);
        Assert.Equal("United Kingdom", london.Attributes["country"]);
        Assert.Equal("Europe/Berlin", _writer.Customers["12345"].TimeZone);
        Assert.True(london.HasConsent("file"));
        Assert.False(london.HasConsent("email"));
        Assert.Equal(["file"], london.Consent.Keys);
    }

    [Fact]
    public async Task Items_take_the_latest_positive_price_and_its_trimmed_description()
    {
        await Import(_files.Write(Sample));

        var heart = _writer.Items["85123A"];
        Assert.Equal("CREAM HANGING HEART T-LIGHT HOLDER, NEW", heart.Title);
        Assert.Equal(2.95m, heart.Price);
        Assert.Null(heart.Category);
        Assert.Empty(heart.Tags);
        Assert.Equal("WHITE METAL LANTERN", _writer.Items["71053"].Title);
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing()
    {
        var path = _files.Write(Sample, gzip: true);
        await Import(path);

        var again = await Import(path);

        Assert.Equal(0, again.EventsAdded);
        Assert.Equal(6, again.EventsAlreadyPresent);
        Assert.Equal(0, again.CustomersAdded);
        Assert.Equal(0, again.ItemsAdded);
        Assert.Equal(6, _writer.Events.Count);
    }

    private Task<ImportResult> Import(string path) => new InteractionImporter(_writer, TimeProvider.System).ImportAsync(path);

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);
}
