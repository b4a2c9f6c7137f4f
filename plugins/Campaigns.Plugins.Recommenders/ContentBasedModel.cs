using Campaigns.Plugins.Recommenders.Model;

namespace Campaigns.Plugins.Recommenders;

/// <summary>
/// What content-based learned from the catalogue: the item ids, the vocabulary with its IDF weights and every item's
/// vector. Customers' profiles are built fresh from their events at every run, as bayes-hour-of-week reads customers'
/// moments fresh, so a stored model follows what customers did since it was trained.
/// </summary>
internal sealed class ContentBasedModel(IdMap items, byte[] artefact)
{
    /// <summary>The artefact format; bump the number when the layout changes.</summary>
    public const string Format = "content-based/1";

    public static byte[] Write(IdMap items, ItemVectors vectors) => ArtefactIO.Create(Format, writer =>
    {
        writer.WriteIds(items);
        vectors.Write(writer);
    });

    /// <summary>Checks the format and reads the ids; the vectors are read by <see cref="Attach"/>, against a run's items.</summary>
    /// <exception cref="InvalidDataException">The artefact is not a content-based model of this format, or is damaged.</exception>
    public static ContentBasedModel Read(byte[] artefact)
    {
        var model = new ContentBasedModel(ArtefactIO.Open(artefact, Format, reader => reader.ReadIds()), artefact);
        // Read the vectors once now, so a damaged artefact fails at load time (and the host falls back to fitting).
        model.Attach(new IdMap());
        return model;
    }

    /// <summary>The stored vectors over <paramref name="runItems"/> (a run's item index), which gains the stored ids it lacks.</summary>
    public ItemVectors Attach(IdMap runItems) => ArtefactIO.Open(artefact, Format, reader =>
    {
        reader.ReadIds();
        var at = new int[items.Count];
        for (var i = 0; i < at.Length; i++) at[i] = runItems.GetOrAdd(items[i]);
        return ItemVectors.Read(reader, at, runItems.Count);
    });
}
