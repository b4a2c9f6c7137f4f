using Microsoft.ML.Trainers.FastTree;

namespace Campaigns.Plugins.Ranking.Learning;

/// <summary>
/// The trained trees in flat arrays, evaluated directly: ML.NET's data-view pipeline costs tens of microseconds per
/// row, which would put scoring a whole shop's candidates over the time budget; walking the trees costs well under one.
/// </summary>
/// <remarks>
/// Features never hold NaN (see <c>FeatureVector</c>), so a split is exactly "value ≤ threshold goes left", as
/// ML.NET's own evaluation does. <see cref="Ranker"/> checks on training rows that both give the same scores.
/// </remarks>
internal sealed partial class Trees
{
    private readonly double _bias;
    private readonly Tree[] _trees;

    public Trees(TreeEnsemble<RegressionTree> ensemble)
    {
        _bias = ensemble.Bias;
        _trees = [.. ensemble.Trees.Select((t, i) => new Tree(
            [.. t.LeftChild], [.. t.RightChild], [.. t.NumericalSplitFeatureIndexes], [.. t.NumericalSplitThresholds],
            [.. t.LeafValues.Select(v => v * ensemble.TreeWeights[i])], t.CategoricalSplitFlags.Any(f => f)))];
    }

    /// <summary>False when a tree uses a categorical split, which this evaluator does not implement.</summary>
    public bool Supported => _trees.All(t => !t.Categorical);

    /// <summary>The ensemble's output for one row of features.</summary>
    public double Score(ReadOnlySpan<float> features)
    {
        var sum = _bias;
        foreach (var t in _trees)
        {
            // A tree of one leaf has no nodes; otherwise walk until a child is negative: ~child is the leaf.
            var node = t.Left.Length == 0 ? -1 : 0;
            while (node >= 0) node = features[t.Feature[node]] <= t.Threshold[node] ? t.Left[node] : t.Right[node];
            sum += t.Leaf[~node];
        }
        return sum;
    }

    private sealed record Tree(int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] Leaf, bool Categorical);
}
