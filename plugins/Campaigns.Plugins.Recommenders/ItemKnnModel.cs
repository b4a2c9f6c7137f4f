using Campaigns.Plugins.Recommenders.Model;

namespace Campaigns.Plugins.Recommenders;

/// <summary>
/// What item-knn learned: the ids, the popularity ranking, each customer's items (their weights) and every item's
/// neighbours with their similarities. Stored whole, so a model scores exactly as it did when it was evaluated.
/// </summary>
internal sealed record ItemKnnModel(IdMap Customers, IdMap Items, Popularity Popularity, SparseMatrix Matrix, int[][] Neighbours, double[][] Similarities)
{
    /// <summary>The artefact format; bump the number when the layout changes.</summary>
    public const string Format = "item-knn/1";

    public byte[] Write() => ArtefactIO.Create(Format, writer =>
    {
        writer.WriteIds(Customers);
        writer.WriteIds(Items);
        writer.WriteInts(Popularity.Customers);
        writer.WriteInts(Popularity.Ranked);
        writer.WriteInts(Matrix.Offsets);
        writer.WriteInts(Matrix.Indexes);
        writer.WriteDoubles(Matrix.Values);
        for (var i = 0; i < Items.Count; i++)
        {
            writer.WriteInts(Neighbours[i]);
            writer.WriteDoubles(Similarities[i]);
        }
    });

    /// <exception cref="InvalidDataException">The artefact is not an item-knn model of this format, or is damaged.</exception>
    public static ItemKnnModel Read(byte[] artefact) => ArtefactIO.Open(artefact, Format, reader =>
    {
        var customers = reader.ReadIds();
        var items = reader.ReadIds();
        var popularity = Popularity.Restore(reader.ReadInts(), reader.ReadInts());
        var matrix = SparseMatrix.Restore(customers.Count, items.Count, reader.ReadInts(), reader.ReadInts(), reader.ReadDoubles());
        var neighbours = new int[items.Count][];
        var similarities = new double[items.Count][];
        for (var i = 0; i < items.Count; i++) (neighbours[i], similarities[i]) = (reader.ReadInts(), reader.ReadDoubles());
        return new ItemKnnModel(customers, items, popularity, matrix, neighbours, similarities);
    });
}
