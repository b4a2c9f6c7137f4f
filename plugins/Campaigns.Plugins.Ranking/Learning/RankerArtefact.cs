using Campaigns.Plugins.Recommenders.Model;

namespace Campaigns.Plugins.Ranking.Learning;

/// <summary>
/// The trained trees as a stored model, in the flat form the stage walks them: the bias, then per tree its child,
/// feature, threshold and leaf arrays. The candidate sources are not stored; they still fit at run time.
/// </summary>
internal sealed partial class Ranker
{
    /// <summary>The artefact format; bump the number when the layout changes (3: each ranker's scale before its trees).</summary>
    public const string Format = "reranker/3";

    /// <summary>
    /// The version of the features the trees were trained on (<c>FeatureVector</c>). Bump it with any change of what a
    /// feature means; a change of their number is caught anyway, since the artefact records how many there were.
    /// </summary>
    public const int FeatureDefinition = 4;

    /// <summary>The artefact of <paramref name="model"/> (null: nothing was learned) over rows of <paramref name="features"/> features.</summary>
    public static byte[] Write(Ensemble? model, int features) => ArtefactIO.Create(Format, writer =>
    {
        writer.Write(FeatureDefinition);
        writer.Write(features);
        writer.Write(model?.Count ?? 0);
        foreach (var ranker in model?.Rankers ?? [])
        {
            writer.Write(ranker.Scale);
            ranker._trees.Write(writer);
        }
    });

    /// <summary>The rankers of an artefact (null when nothing was learned), checked against this build's <paramref name="features"/>.</summary>
    /// <exception cref="InvalidDataException">Another format or feature definition, or a damaged artefact.</exception>
    public static Ensemble? Read(byte[] artefact, int features) => ArtefactIO.Open(artefact, Format, reader =>
    {
        var (definition, width) = (reader.ReadInt32(), reader.ReadInt32());
        if (definition != FeatureDefinition || width != features)
            throw new InvalidDataException($"the model was trained on features v{definition} ({width} per candidate); this build computes v{FeatureDefinition} ({features})");
        var count = reader.ReadInt32();
        if (count < 0 || count > 1_000) throw new InvalidDataException($"corrupt reranker model: {count} rankers");
        var rankers = new Ranker[count];
        for (var i = 0; i < count; i++)
        {
            var scale = reader.ReadDouble();
            if (!double.IsFinite(scale) || scale <= 0) throw new InvalidDataException($"corrupt reranker model: ranker {i} has scale {scale}");
            rankers[i] = new Ranker(Trees.Read(reader, features), scale);
        }
        return count == 0 ? null : new Ensemble(rankers);
    });
}

/// <summary>The trees' flat arrays, written and read in the order the walk uses them.</summary>
internal sealed partial class Trees
{
    private Trees(double bias, Tree[] trees) => (_bias, _trees) = (bias, trees);

    public void Write(BinaryWriter writer)
    {
        writer.Write(_bias);
        writer.Write(_trees.Length);
        foreach (var t in _trees)
        {
            writer.WriteInts(t.Left);
            writer.WriteInts(t.Right);
            writer.WriteInts(t.Feature);
            writer.WriteFloats(t.Threshold);
            writer.WriteDoubles(t.Leaf);
            writer.Write(t.Categorical);
        }
    }

    /// <exception cref="InvalidDataException">A tree whose nodes do not fit together (a walk could run out of its arrays).</exception>
    public static Trees Read(BinaryReader reader, int features)
    {
        var bias = reader.ReadDouble();
        var count = reader.ReadInt32();
        if (count < 0 || count > reader.BaseStream.Length) throw new InvalidDataException($"corrupt reranker model: {count} trees");
        var trees = new Tree[count];
        for (var i = 0; i < count; i++)
        {
            var tree = new Tree(reader.ReadInts(), reader.ReadInts(), reader.ReadInts(), reader.ReadFloats(), reader.ReadDoubles(), reader.ReadBoolean());
            var nodes = tree.Left.Length;
            // An inner node points further down (never back to the root); ~c is a leaf.
            bool Child(int c) => c >= 0 ? c > 0 && c < nodes : ~c < tree.Leaf.Length;
            if (tree.Right.Length != nodes || tree.Feature.Length != nodes || tree.Threshold.Length != nodes || tree.Leaf.Length == 0
                || tree.Feature.Any(f => f < 0 || f >= features) || !tree.Left.All(Child) || !tree.Right.All(Child))
                throw new InvalidDataException($"corrupt reranker model: tree {i} does not fit together");
            trees[i] = tree;
        }
        return new Trees(bias, trees);
    }
}
