using Campaigns.Import;

namespace Campaigns.Core.Tests.Import;

public sealed class OnlineRetailBadRowTests : IDisposable
{
    private readonly ImportTestFiles _files = new();
    private readonly InMemoryImportWriter _writer = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Bad_rows_are_reported_with_their_line_and_the_rest_imports()
    {
        const string text = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
            536365,71053,LANTERN,six,2010-12-01 08:26:00,3.39,17850.0,United Kingdom
            536365,22633,WARMER,6,2010-13-45 08:26:00,1.85,17850.0,United Kingdom
            536365,22634,WARMER,6,2010-12-01 08:26:00,1.85,17850.0
            536365,22635,"MULTI, WORD",6,2010-12-01 08:26:00,1.85,17850.0,United Kingdom
            536365,22636,WARMER,6,2010-12-01 08:26:00,1.85,17850.5,United Kingdom
            """;

        var result = await new InteractionImporter(_writer, TimeProvider.System).ImportAsync(_files.Write(text));

        Assert.Equal(2, result.EventsAdded);
        Assert.Equal(4, result.BadRows);
        Assert.Equal([3L, 4L, 5L, 7L], result.Errors.Select(e => e.Line));
        Assert.Contains("Quantity 'six'", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("InvoiceDate", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("expected 8 columns, found 7", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("CustomerID", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.Equal("MULTI, WORD", _writer.Items["22635"].Title);
    }

    [Fact]
    public async Task Error_samples_are_capped_but_every_bad_row_is_counted()
    {
        var lines = Enumerable.Range(0, 5).Select(i => $"5363{i},X{i},T,oops,2010-12-01 08:26:00,1,17850.0,United Kingdom");
        var text = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" + string.Join('\n', lines);
        var importer = new InteractionImporter(_writer, TimeProvider.System, new ImportOptions { MaxErrorSamples = 2 });

        var result = await importer.ImportAsync(_files.Write(text));

        Assert.Equal(5, result.BadRows);
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal(0, result.EventsAdded);
    }

    [Fact]
    public async Task Stock_adjustments_outside_cancellations_are_bad_rows()
    {
        const string text = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,damaged,-3,2010-12-01 08:26:00,0,17850.0,United Kingdom
            536365,71053,LANTERN,0,2010-12-01 08:26:00,3.39,17850.0,United Kingdom
            536365,22633,WARMER,6,2010-12-01 08:26:00,-1.85,17850.0,United Kingdom
            C536366,22633,WARMER,-6,2010-12-01 08:26:00,1.85,17850.0,United Kingdom
            """;

        var result = await new InteractionImporter(_writer, TimeProvider.System).ImportAsync(_files.Write(text));

        Assert.Equal([2L, 3L, 4L], result.Errors.Select(e => e.Line));
        Assert.Contains("not a cancellation", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(1, result.EventsAdded);
        Assert.Equal(["22633"], _writer.Items.Keys);
    }
}
