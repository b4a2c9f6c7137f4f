namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>Item vectors as a trained content-based model stores them: the vocabulary, its IDF weights and the item rows.</summary>
internal sealed partial class ItemVectors
{
    /// <summary>Writes the vocabulary, the IDF weights and the rows (the inverted index is rebuilt on reading).</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Vocabulary.Length);
        foreach (var token in Vocabulary) writer.Write(token);
        writer.WriteDoubles(Idf);
        writer.WriteInts(Offsets);
        writer.WriteInts(Tokens);
        writer.WriteFloats(Weights);
    }

    /// <summary>
    /// Reads vectors written by <see cref="Write"/>, stored row i becoming row <c>at[i]</c> of <paramref name="count"/>
    /// rows (rows no stored item maps to are empty: items new since the model was trained).
    /// </summary>
    /// <exception cref="InvalidDataException">The vectors are damaged or do not match the ids.</exception>
    public static ItemVectors Read(BinaryReader reader, int[] at, int count)
    {
        var vocabulary = reader.ReadStrings();
        var idf = reader.ReadDoubles();
        var (offsets, tokens, weights) = (reader.ReadInts(), reader.ReadInts(), reader.ReadFloats());
        if (idf.Length != vocabulary.Length || !ArtefactIO.AreRowOffsets(offsets, at.Length, tokens.Length) || weights.Length != tokens.Length
            || tokens.Any(t => t < 0 || t >= vocabulary.Length))
            throw new InvalidDataException("corrupt model: the item vectors do not match the vocabulary or the items");
        var rows = new (int Token, double Weight)[]?[count];
        for (var i = 0; i < at.Length; i++)
            rows[at[i]] = [.. Enumerable.Range(offsets[i], offsets[i + 1] - offsets[i]).Select(k => (tokens[k], (double)weights[k]))];
        var vectors = FromRows(rows, vocabulary.Length);
        (vectors.Vocabulary, vectors.Idf) = (vocabulary, idf);
        return vectors;
    }
}
