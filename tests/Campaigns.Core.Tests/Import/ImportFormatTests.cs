using Campaigns.Import;

namespace Campaigns.Core.Tests.Import;

public sealed class ImportFormatTests : IDisposable
{
    private const string Interactions = "user_id,item_id,timestamp\nu1,i1,1306918800\n";

    private readonly ImportTestFiles _files = new();
    private readonly InMemoryImportWriter _writer = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("foo,bar,baz\n1,2,3\n")]
    [InlineData("user_id,item_id\nu1,i1\n")]
    [InlineData("user_id,item_id,timestamp,value,event_type\nu1,i1,1,0,view\n")]
    [InlineData("user_id,item_id,timestamp,price\nu1,i1,1,0\n")]
    public async Task An_unknown_header_names_the_expected_ones(string text)
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Import(_files.Write(text)));

        Assert.Contains("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country", error.Message, StringComparison.Ordinal);
        Assert.Contains("user_id,item_id,timestamp", error.Message, StringComparison.Ordinal);
        Assert.Contains("event_type,quantity,value", error.Message, StringComparison.Ordinal);
        Assert.Empty(_writer.Events);
    }

    [Fact]
    public async Task An_empty_file_is_an_error()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Import(_files.Write("")));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_without_rows_succeeds_with_zero_counts()
    {
        var result = await Import(_files.Write("user_id,item_id,timestamp\n"));

        Assert.Equal(0, result.Lines);
        Assert.Equal(0, result.EventsAdded);
    }

    [Theory]
    [InlineData(true, "events.csv")]
    [InlineData(false, "events.csv.gz")]
    public async Task Gzip_is_recognised_by_content_not_by_name(bool gzip, string name)
    {
        var result = await Import(_files.Write(Interactions, gzip, name));

        Assert.Equal(1, result.EventsAdded);
    }

    [Fact]
    public async Task Events_go_to_the_writer_in_batches_after_their_customers_and_items()
    {
        var lines = Enumerable.Range(0, 25).Select(i => $"u{i % 7},i{i},{1306918800 + i}");
        var importer = new InteractionImporter(_writer, TimeProvider.System, new ImportOptions { BatchSize = 10 });

        var result = await importer.ImportAsync(_files.Write("user_id,item_id,timestamp\n" + string.Join('\n', lines)));

        Assert.Equal(25, result.EventsAdded);
        Assert.Equal([10, 10, 5], _writer.EventBatches);
        Assert.Empty(_writer.OrderViolations);
    }

    [Fact]
    public async Task Progress_ends_with_the_whole_file_read()
    {
        var reports = new List<ImportProgress>();
        var progress = new SyncProgress(reports.Add);

        var result = await new InteractionImporter(_writer, TimeProvider.System).ImportAsync(_files.Write(Interactions, gzip: true), progress);

        var last = reports[^1];
        Assert.Equal(ImportPhase.Events, last.Phase);
        Assert.Equal(1, last.LinesRead);
        Assert.Equal(1, last.EventsStored);
        Assert.Equal(last.TotalBytes, last.BytesRead);
        Assert.Equal(1.0, last.Fraction);
        Assert.Contains(reports, r => r.Phase == ImportPhase.Catalogue);
        Assert.True(result.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_cancelled_import_stops()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new InteractionImporter(_writer, TimeProvider.System).ImportAsync(_files.Write(Interactions), null, cancelled.Token));
        Assert.Empty(_writer.Events);
    }

    [Fact]
    public void Every_country_maps_to_a_time_zone_this_machine_knows()
    {
        Assert.Equal(38, CountryTimeZones.All.Count);
        Assert.All(CountryTimeZones.All.Values, zone => Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(zone)));
        Assert.Equal("UTC", CountryTimeZones.For("Atlantis"));
    }

    private Task<ImportResult> Import(string path) => new InteractionImporter(_writer, TimeProvider.System).ImportAsync(path);

    /// <summary>Reports on the caller's thread, unlike <see cref="Progress{T}"/>, so the list is complete when the import returns.</summary>
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
