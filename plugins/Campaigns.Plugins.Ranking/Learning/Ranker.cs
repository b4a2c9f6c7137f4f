using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Campaigns.Plugins.Ranking.Learning;

/// <summary>The trained LightGBM LambdaRank model: one score per feature row, higher ranks first.</summary>
internal sealed class Ranker
{
    private readonly ITransformer _model;
    private readonly int _seed;

    private Ranker(ITransformer model, int seed) => (_model, _seed) = (model, seed);

    /// <summary>
    /// Trains on <paramref name="table"/> (rows of one group contiguous). One thread: LightGBM's result then depends only
    /// on the data, the options and the seed, so a re-run trains the same trees.
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
        var pipeline = ml.Transforms.Conversion.MapValueToKey("GroupKey", "Group").Append(trainer);
        var model = pipeline.Fit(table.ToDataView(ml));
        // Scoring needs only the features: keep the trained ranking transformer, not the group-key mapping.
        return new Ranker(model.LastTransformer, options.Seed);
    }

    /// <summary>The scores of every row of <paramref name="table"/>, in row order.</summary>
    public float[] Score(FeatureTable table)
    {
        if (table.Count == 0) return [];
        var ml = new MLContext(_seed);
        var scored = _model.Transform(table.ToDataView(ml));
        return [.. scored.GetColumn<float>(scored.Schema["Score"])];
    }
}
