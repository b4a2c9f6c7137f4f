namespace Campaigns.Import;

/// <summary>The file formats <see cref="InteractionImporter"/> recognises from the header line.</summary>
public enum ImportFormat
{
    /// <summary>The UCI Online Retail export: <c>InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country</c>.</summary>
    OnlineRetail,

    /// <summary>Generic interactions: <c>user_id,item_id,timestamp[,event_type][,quantity][,value]</c>.</summary>
    Interactions,

    /// <summary>MovieLens <c>u.data</c>: no header, <c>user TAB item TAB rating TAB unix-seconds</c>; read by <c>evaluate</c> only.</summary>
    MovieLens,
}

/// <summary>A line that was not imported, and why.</summary>
/// <param name="Line">1-based line number in the file (the header is line 1).</param>
/// <param name="Message">What is wrong with the line.</param>
public sealed record ImportError(long Line, string Message);

/// <summary>What one import did.</summary>
/// <param name="Format">The format detected from the header.</param>
/// <param name="Lines">Data lines read (the header is not counted).</param>
/// <param name="EventsAdded">Events stored by this run.</param>
/// <param name="EventsAlreadyPresent">Events that were already stored (an earlier import of the same data).</param>
/// <param name="CustomersAdded">Customers stored by this run; existing customers are left as they are.</param>
/// <param name="ItemsAdded">Catalogue items stored by this run; existing items are left as they are.</param>
/// <param name="BadRows">Lines skipped because they could not be read; every one is counted, the first few are in <paramref name="Errors"/>.</param>
/// <param name="SkippedGuest">Online Retail lines without a customer (guest checkouts), skipped on purpose.</param>
/// <param name="SkippedNonProduct">Online Retail lines for postage, fees, discounts and other non-products, skipped on purpose.</param>
/// <param name="Errors">A sample of the bad rows, in file order.</param>
/// <param name="Elapsed">Wall-clock time of the import.</param>
public sealed record ImportResult(
    ImportFormat Format,
    long Lines,
    long EventsAdded,
    long EventsAlreadyPresent,
    int CustomersAdded,
    int ItemsAdded,
    long BadRows,
    long SkippedGuest,
    long SkippedNonProduct,
    IReadOnlyList<ImportError> Errors,
    TimeSpan Elapsed)
{
    /// <summary>Lines that became events, new or already stored.</summary>
    public long EventsRead => EventsAdded + EventsAlreadyPresent;
}
