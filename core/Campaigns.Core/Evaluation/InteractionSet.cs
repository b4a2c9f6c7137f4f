using Campaigns.Data;
using Campaigns.Import;

namespace Campaigns.Evaluation;

/// <summary>The interactions of one file, in memory, as evaluation uses them.</summary>
/// <param name="Items">The catalogue the importer built from the file.</param>
/// <param name="Events">
/// Positive interactions only: returns and cancellations are left out (a return is not a sign of interest), and so
/// are events without an item (message opens and clicks).
/// </param>
/// <param name="Import">What the importer read, including bad lines with their line numbers.</param>
public sealed record InteractionSet(IReadOnlyList<CatalogItem> Items, IReadOnlyList<Interaction> Events, ImportResult Import)
{
    /// <summary>Reads <paramref name="path"/> (Online Retail, generic interactions or MovieLens <c>u.data</c>, plain or gzip) with <see cref="InteractionImporter"/>.</summary>
    /// <exception cref="EvaluationException">The file is empty, has no usable interaction, or has fewer than two users.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static async Task<InteractionSet> LoadAsync(string path, TimeProvider time, CancellationToken cancellationToken)
    {
        var writer = new CollectingImportWriter(e => e.ItemId.Length > 0 && e.Type != InteractionTypes.Return);
        ImportResult import;
        try
        {
            // u.data has no header for the importer's detector to read: its layout is recognised from the first line.
            import = MovieLensFile.Matches(path)
                ? MovieLensFile.Read(path, writer.Events, writer.Items, time)
                : await new InteractionImporter(writer, time).ImportAsync(path, cancellationToken: cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new EvaluationException(ex.Message, ex);
        }

        var events = writer.Events;
        if (events.Count == 0)
            throw new EvaluationException($"the file has no usable interactions ({import.Lines:N0} data lines, {import.BadRows:N0} bad)");
        if (events.CustomerCount < 2)
            throw new EvaluationException("the file has interactions of only one user: evaluation needs at least two");
        return new InteractionSet([.. writer.Items.Values.OrderBy(i => i.Id, StringComparer.Ordinal)], events, import);
    }
}

/// <summary>An evaluation cannot run: bad input, unknown algorithm, invalid options. The message says what to fix.</summary>
public sealed class EvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EvaluationException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public EvaluationException(string message, Exception inner) : base(message, inner) { }
}
