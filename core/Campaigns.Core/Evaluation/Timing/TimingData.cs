using Campaigns.Data;
using Campaigns.Import;

namespace Campaigns.Evaluation.Timing;

/// <summary>A file's customers (with their time zones) and events, in memory, as the send-time evaluation uses them.</summary>
/// <param name="Customers">Customers by id, as the importer built them (Online Retail: the country's zone; generic: UTC).</param>
/// <param name="Items">The catalogue the importer built.</param>
/// <param name="Events">Every event but returns and cancellations, message opens and clicks included.</param>
/// <param name="Import">What the importer read, including bad lines with their line numbers.</param>
public sealed record TimingData(IReadOnlyDictionary<string, Customer> Customers, IReadOnlyList<CatalogItem> Items, IReadOnlyList<Interaction> Events, ImportResult Import)
{
    /// <summary>Reads <paramref name="path"/> with the importer <c>import</c> uses (both formats, plain or gzip).</summary>
    /// <exception cref="EvaluationException">The file cannot be read or has no usable event.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static async Task<TimingData> LoadAsync(string path, TimeProvider time, CancellationToken cancellationToken)
    {
        var writer = new CollectingImportWriter(e => e.Type != InteractionTypes.Return);
        ImportResult import;
        try
        {
            import = await new InteractionImporter(writer, time).ImportAsync(path, cancellationToken: cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new EvaluationException(ex.Message, ex);
        }
        // Returns are dropped as they are read: they say nothing about when a customer is active.
        IReadOnlyList<Interaction> events = writer.Events;
        if (events.Count == 0)
            throw new EvaluationException($"the file has no usable events ({import.Lines:N0} data lines, {import.BadRows:N0} bad)");
        return new TimingData(writer.Customers, [.. writer.Items.Values.OrderBy(i => i.Id, StringComparer.Ordinal)], events, import);
    }
}
