using Campaigns.Plugins.Recommenders.Model;

namespace Campaigns.Plugins.Recommenders;

/// <summary>
/// What ials learned, as a trained model stores it: the items' ids and their profiles (row-major, <c>Factors</c>
/// numbers a row). Customer profiles are not stored: each run folds them in from the customer's current items, so a
/// stored model also serves customers who bought since it was trained.
/// </summary>
internal sealed record IalsModel(IdMap Items, int Factors, double[] Profiles)
{
    /// <summary>The artefact format; bump the number when the layout changes.</summary>
    public const string Format = "ials/1";

    public byte[] Write() => ArtefactIO.Create(Format, writer =>
    {
        writer.WriteIds(Items);
        writer.Write(Factors);
        writer.WriteDoubles(Profiles);
    });

    /// <exception cref="InvalidDataException">The artefact is not an ials model of this format, or is damaged.</exception>
    public static IalsModel Read(byte[] artefact) => ArtefactIO.Open(artefact, Format, reader =>
    {
        var items = reader.ReadIds();
        var factors = reader.ReadInt32();
        var profiles = reader.ReadDoubles();
        if (factors < 1 || profiles.Length != items.Count * factors)
            throw new InvalidDataException($"corrupt ials model: {items.Count} items of {factors} factors but {profiles.Length} numbers");
        return new IalsModel(items, factors, profiles);
    });

    /// <summary>The stored profiles over a run's item indexes; an item the model never saw gets zeros (never a candidate).</summary>
    public double[] Align(IdMap runItems)
    {
        var aligned = new double[runItems.Count * Factors];
        for (var j = 0; j < Items.Count; j++)
        {
            var i = runItems.Find(Items[j]);
            if (i >= 0) Profiles.AsSpan(j * Factors, Factors).CopyTo(aligned.AsSpan(i * Factors, Factors));
        }
        return aligned;
    }
}
