using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Campaigns.Plugins.Ranking.Learning;

/// <summary>
/// One trained model (LightGBM LambdaRank or binary classifier, or FastTree LambdaMART): one score per feature row,
/// higher ranks first.
/// </summary>
internal sealed partial class Ranker
{
    private const int CheckedRows = 2_000;
    private readonly Trees _trees;

    private Ranker(Trees trees, double scale) => (_trees, Scale) = (trees, scale);

    /// <summary>
    /// What the trees' output is divided by: 1, or in a <c>blend</c> the standard deviation of the ranker's output over
    /// its training rows. A classifier's margins and LambdaRank's scores live on different scales; without this the
    /// mean of a blend would follow whichever spreads wider.
    /// </summary>
    public double Scale { get; }

    /// <summary>
    /// Trains on <paramref name="table"/> (rows of one group contiguous). One thread: LightGBM's result then depends only
    /// on the data, the options and the seed, so a re-run trains the same trees on any machine. The seed
    /// differs per bag (<c>seed</c> + <paramref name="bag"/>), so bags on the same rows still sample different
    /// features; so does the objective in a <c>blend</c>.
    /// </summary>
    public static Ranker Train(FeatureTable table, RerankerOptions options, int bag)
    {
        var seed = options.Seed + bag;
        var ml = new MLContext(seed);
        var data = table.ToDataView(ml);
        var (model, ensemble) = options.ObjectiveOf(bag) switch
        {
            "binary" => Binary(ml, data, options, seed),
            "lambdamart" => LambdaMart(ml, data, options, seed),
            _ => LambdaRank(ml, data, options, seed),
        };
        var trees = new Trees(ensemble);
        // Our tree walk must agree with ML.NET's own scoring; a model it cannot reproduce is a bug, not a fallback case.
        var expected = model.Transform(ml.Data.TakeRows(data, CheckedRows)).GetColumn<float>("Score").ToArray();
        for (var r = 0; r < expected.Length; r++)
        {
            var ours = trees.Score(table.Row(r));
            if (!trees.Supported || Math.Abs(ours - expected[r]) > 1e-4 * Math.Max(1, Math.Abs(expected[r])))
                throw new InvalidOperationException($"Tree evaluation disagrees with ML.NET on row {r}: {ours} vs {expected[r]}.");
        }
        return new Ranker(trees, options.Blends ? Spread(trees, table) : 1);
    }

    // The standard deviation of the raw output over the training rows; 1 when every row scores the same.
    private static double Spread(Trees trees, FeatureTable table)
    {
        double sum = 0, squares = 0;
        for (var r = 0; r < table.Count; r++)
        {
            var score = trees.Score(table.Row(r));
            (sum, squares) = (sum + score, squares + score * score);
        }
        var mean = sum / table.Count;
        var deviation = Math.Sqrt(Math.Max(0, squares / table.Count - mean * mean));
        return deviation > 1e-12 ? deviation : 1;
    }

    private static (ITransformer, TreeEnsemble<RegressionTree>) LambdaRank(MLContext ml, IDataView data, RerankerOptions options, int seed)
    {
        var trainer = ml.Ranking.Trainers.LightGbm(
            WithTrees<LightGbmRankingTrainer.Options, float, RankingPredictionTransformer<LightGbmRankingModelParameters>, LightGbmRankingModelParameters>(
                new() { LabelColumnName = "Label", RowGroupColumnName = "GroupKey" }, options, seed));
        var model = ml.Transforms.Conversion.MapValueToKey("GroupKey", "Group").Append(trainer).Fit(data);
        return (model, model.LastTransformer.Model.TrainedTreeEnsemble);
    }

    // ML.NET's own LambdaMART (FastTree): unlike its LightGBM wrapper it lets the list depth the gradients look at
    // (the NDCG truncation) be set, so the trees can concentrate on the top of the list that a message shows.
    private static (ITransformer, TreeEnsemble<RegressionTree>) LambdaMart(MLContext ml, IDataView data, RerankerOptions options, int seed)
    {
        var trainer = ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
        {
            LabelColumnName = "Label",
            RowGroupColumnName = "GroupKey",
            FeatureColumnName = "Features",
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinRowsPerLeaf,
            FeatureFraction = options.FeatureFraction,
            NdcgTruncationLevel = options.Truncation,
            NumberOfThreads = 1,
            Seed = seed,
        });
        var model = ml.Transforms.Conversion.MapValueToKey("GroupKey", "Group").Append(trainer).Fit(data);
        return (model, model.LastTransformer.Model.TrainedTreeEnsemble);
    }

    // The classifier's Score column is its raw margin (the calibrated probability is a separate column), the same
    // sum of trees the walk computes, and a monotone function of the probability: the order is the same.
    private static (ITransformer, TreeEnsemble<RegressionTree>) Binary(MLContext ml, IDataView data, RerankerOptions options, int seed)
    {
        var trainer = ml.BinaryClassification.Trainers.LightGbm(
            WithTrees<LightGbmBinaryTrainer.Options, float, BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>>, CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>>(
                new() { LabelColumnName = "Truth" }, options, seed));
        var model = ml.Transforms.CustomMapping<LabelRow, TruthRow>((i, o) => o.Truth = i.Label > 0, null).Append(trainer).Fit(data);
        return (model, model.LastTransformer.Model.SubModel.TrainedTreeEnsemble);
    }

    // Both objectives grow the same trees from the same options; one thread and the seed make them reproducible.
    private static TOptions WithTrees<TOptions, TOutput, TTransformer, TModel>(TOptions trainer, RerankerOptions options, int seed)
        where TOptions : LightGbmTrainerBase<TOptions, TOutput, TTransformer, TModel>.OptionsBase, new()
        where TTransformer : ISingleFeaturePredictionTransformer<TModel>
        where TModel : class
    {
        trainer.FeatureColumnName = "Features";
        trainer.NumberOfIterations = options.Trees;
        trainer.NumberOfLeaves = options.Leaves;
        trainer.LearningRate = options.LearningRate;
        trainer.MinimumExampleCountPerLeaf = options.MinRowsPerLeaf;
        var booster = new GradientBooster.Options { FeatureFraction = options.FeatureFraction };
        if (options.L2Regularization is { } l2) booster.L2Regularization = l2;
        trainer.Booster = booster;
        trainer.NumberOfThreads = 1;
        trainer.Seed = seed;
        trainer.Silent = true;
        trainer.Verbose = false;
        return trainer;
    }

    /// <summary>The scores of every row of <paramref name="table"/>, in row order.</summary>
    public double[] Score(FeatureTable table)
    {
        var scores = new double[table.Count];
        for (var r = 0; r < scores.Length; r++) scores[r] = _trees.Score(table.Row(r)) / Scale;
        return scores;
    }

    private sealed class LabelRow
    {
        public float Label { get; set; }
    }

    private sealed class TruthRow
    {
        public bool Truth { get; set; }
    }
}
