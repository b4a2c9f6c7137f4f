using Campaigns.Storage;

namespace Campaigns.Import;

/// <summary>
/// Imports behaviour events, and the customers and catalogue items they mention, from a CSV file (plain or gzip,
/// told apart by content). The format is recognised from the header: the UCI Online Retail export
/// (<c>InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country</c>) or generic
/// interactions (<c>user_id,item_id,timestamp[,event_type][,quantity][,value]</c>).
/// </summary>
/// <remarks>
/// The file is read twice: customers and items first, then events in batches, so every event's customer and item
/// exist before it is written. Event ids are derived deterministically from the lines, and the writer ignores ids it
/// already has, so importing the same file again stores nothing new. Lines that cannot be read are counted and
/// skipped with their line number; the rest imports.
/// </remarks>
/// <param name="writer">Where rows go; insert-or-ignore by id.</param>
/// <param name="timeProvider">Clock for the elapsed time and the pacing of progress reports.</param>
/// <param name="options">Batch size, error sample size and progress interval; <see cref="ImportOptions.Default"/> when null.</param>
public sealed class InteractionImporter(IImportWriter writer, TimeProvider timeProvider, ImportOptions? options = null)
{
    private readonly ImportOptions _options = Validate(options ?? ImportOptions.Default);

    /// <summary>Imports the file at <paramref name="path"/>.</summary>
    /// <param name="path">A .csv file, gzipped or not.</param>
    /// <param name="progress">Receives progress a few times per second, and once at the end of each pass.</param>
    /// <param name="cancellationToken">Stops the import between lines; rows already written stay.</param>
    /// <returns>The counts; a file without a single good line still succeeds, with zero events.</returns>
    /// <exception cref="InvalidDataException">The file is empty or its header is none of the known formats; the message names them.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    public Task<ImportResult> ImportAsync(string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new ImportRun(path, writer, timeProvider, _options, progress).RunAsync(cancellationToken);
    }

    private static ImportOptions Validate(ImportOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxErrorSamples, nameof(options));
        return options;
    }
}
