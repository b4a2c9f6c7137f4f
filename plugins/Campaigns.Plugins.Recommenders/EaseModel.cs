using Campaigns.Plugins.Recommenders.Model;

namespace Campaigns.Plugins.Recommenders;

/// <summary>
/// What ease learned, as a trained model stores it: the kept items' ids (column order) and each item's largest
/// weights. Customers' items and the popularity ranking are read fresh at every run, so a stored model follows what
/// customers bought since it was trained.
/// </summary>
internal sealed record EaseModel(IdMap Items, EaseWeights Weights)
{
    /// <summary>The artefact format; bump the number when the layout changes.</summary>
    public const string Format = "ease/1";

    public byte[] Write() => ArtefactIO.Create(Format, writer =>
    {
        writer.WriteIds(Items);
        Weights.Write(writer);
    });

    /// <exception cref="InvalidDataException">The artefact is not an ease model of this format, or is damaged.</exception>
    public static EaseModel Read(byte[] artefact) => ArtefactIO.Open(artefact, Format, reader =>
    {
        var items = reader.ReadIds();
        var weights = EaseWeights.Read(reader);
        if (weights.Count != items.Count) throw new InvalidDataException($"corrupt ease model: {items.Count} items but {weights.Count} rows");
        return new EaseModel(items, weights);
    });
}
