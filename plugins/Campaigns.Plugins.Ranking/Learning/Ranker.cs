using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Campaigns.Plugins.Ranking.Learning;

/// <summary>The trained LightGBM LambdaRank model: one score per feature row, higher ranks first.</summary>
internal sealed class Ranker
{
    private const int CheckedRows = 2_000;
    private readonly Trees _trees;

    private Ranker(Trees trees) => _trees = trees;

    /// <summary>
    /// Trains on <paramref name="table"/> (rows of one group contiguous). One thread: LightGBM's result then depends only
    /// on the data, the options and the seed, so a re-run trains the same trees on any machine.
    /// </summary>
    public static Ranker Train(FeatureTable table, RerankerOptions options)
    {
        var ml = new MLContext(options.Seed);
        var trainer = ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
        {
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
            RowGroupColumnName = "GroupKey",
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinRowsPerLeaf,
            NumberOfThreads = 1,
            Seed = options.Seed,
            Silent = true,
            Verbose = false,
        });
        var data = table.ToDataView(ml);
        var model = ml.Transforms.Conversion.MapValueToKey("GroupKey", "Group").Append(trainer).Fit(data);
        var trees = new Trees(model.LastTransformer.Model.TrainedTreeEnsemble);
        // Our tree walk must agree with ML.NET's own scoring; a model it cannot reproduce is a bug, not a fallback case.
        var expected = model.Transform(ml.Data.TakeRows(data, CheckedRows)).GetColumn<float>("Score").ToArray();
        for (var r = 0; r < expected.Length; r++)
        {
            var ours = trees.Score(table.Row(r));
            if (!trees.Supported || Math.Abs(ours - expected[r]) > 1e-4 * Math.Max(1, Math.Abs(expected[r])))
                throw new InvalidOperationException($"Tree evaluation disagrees with ML.NET on row {r}: {ours} vs {expected[r]}.");
        }
        return new Ranker(trees);
    }

    /// <summary>The scores of every row of <paramref name="table"/>, in row order.</summary>
    public double[] Score(FeatureTable table)
    {
        var scores = new double[table.Count];
        for (var r = 0; r < scores.Length; r++) scores[r] = _trees.Score(table.Row(r));
        return scores;
    }
}
