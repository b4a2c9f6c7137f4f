using Campaigns.Storage;

namespace Campaigns.Import;

/// <summary>One import of one file: the two passes, the counters and the progress reports.</summary>
internal sealed class ImportRun(string path, IImportWriter writer, TimeProvider time, ImportOptions options, IProgress<ImportProgress>? progress)
{
    private readonly List<ImportError> _errors = [];
    private long _lines, _eventsAdded, _eventsPresent, _badRows, _guest, _nonProduct;
    private long? _lastReport;
    private int _customersAdded, _itemsAdded;

    public async Task<ImportResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var mapper = await ReadCatalogueAsync(cancellationToken);
        _customersAdded = await WriteInBatchesAsync(mapper.Customers(), writer.AddCustomersAsync, cancellationToken);
        _itemsAdded = await WriteInBatchesAsync(mapper.Items(), writer.AddItemsAsync, cancellationToken);
        await ReadEventsAsync(mapper, cancellationToken);
        return new ImportResult(mapper.Format, _lines, _eventsAdded, _eventsPresent, _customersAdded, _itemsAdded,
            _badRows, _guest, _nonProduct, _errors, time.GetElapsedTime(started));
    }

    /// <summary>
    /// First pass. Customers and items are written before any event that refers to them, and insert-or-ignore keeps
    /// the first version written; reading the whole file first is what lets the catalogue carry the latest price and
    /// the customer the latest country rather than those of the first line that mentions them.
    /// </summary>
    private async Task<RowMapper> ReadCatalogueAsync(CancellationToken cancellationToken)
    {
        using var source = ImportSource.Open(path);
        var mapper = await DetectAsync(source, cancellationToken);
        long lines = 0;
        while (await source.Reader.ReadAsync(cancellationToken))
        {
            lines++;
            if (mapper.Read(source.Reader, out _) == RowOutcome.Event) mapper.Observe();
            if ((lines & 0x3FF) == 0) Report(ImportPhase.Catalogue, lines, source, force: false, cancellationToken);
        }
        Report(ImportPhase.Catalogue, lines, source, force: true, cancellationToken);
        return mapper;
    }

    /// <summary>Second pass: every line is counted, bad ones are described, events go to the writer in batches.</summary>
    private async Task ReadEventsAsync(RowMapper mapper, CancellationToken cancellationToken)
    {
        using var source = ImportSource.Open(path);
        await source.Reader.ReadHeaderAsync(cancellationToken);
        var batch = new List<StoredEvent>(options.BatchSize);
        while (await source.Reader.ReadAsync(cancellationToken))
        {
            _lines++;
            switch (mapper.Read(source.Reader, out var error))
            {
                case RowOutcome.Event:
                    batch.Add(mapper.CreateEvent());
                    if (batch.Count >= options.BatchSize) await FlushAsync(batch, cancellationToken);
                    break;
                case RowOutcome.Guest: _guest++; break;
                case RowOutcome.NonProduct: _nonProduct++; break;
                default:
                    _badRows++;
                    if (_errors.Count < options.MaxErrorSamples) _errors.Add(new ImportError(source.Reader.LineNumber, error ?? "unreadable line"));
                    break;
            }
            if ((_lines & 0x3FF) == 0) Report(ImportPhase.Events, _lines, source, force: false, cancellationToken);
        }
        await FlushAsync(batch, cancellationToken);
        Report(ImportPhase.Events, _lines, source, force: true, cancellationToken);
    }

    private static async Task<RowMapper> DetectAsync(ImportSource source, CancellationToken cancellationToken)
    {
        await source.Reader.ReadHeaderAsync(cancellationToken);
        if (source.Reader.Headers.Count == 0) throw new InvalidDataException("The file is empty: it has no header line.");
        return FormatDetector.Detect(source.Reader.Headers);
    }

    private async Task FlushAsync(List<StoredEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return;
        var added = await writer.AddEventsAsync(batch.ToArray(), cancellationToken);
        _eventsAdded += added;
        _eventsPresent += batch.Count - added;
        batch.Clear();
    }

    private async Task<int> WriteInBatchesAsync<T>(IReadOnlyList<T> rows, Func<IReadOnlyList<T>, CancellationToken, Task<int>> write, CancellationToken cancellationToken)
    {
        var added = 0;
        for (var start = 0; start < rows.Count; start += options.BatchSize)
        {
            var chunk = rows.Skip(start).Take(options.BatchSize).ToArray();
            added += await write(chunk, cancellationToken);
        }
        return added;
    }

    private void Report(ImportPhase phase, long lines, ImportSource source, bool force, CancellationToken cancellationToken)
    {
        // Called every 1,024 lines: the reader only looks at the token when it needs more input.
        cancellationToken.ThrowIfCancellationRequested();
        if (progress is null) return;
        var now = time.GetTimestamp();
        if (!force && _lastReport is { } last && time.GetElapsedTime(last, now) < options.ProgressInterval) return;
        _lastReport = now;
        progress.Report(new ImportProgress(phase, lines, _eventsAdded, source.BytesRead, source.TotalBytes));
    }
}
