using Campaigns.Plugins.Segmentation.ML.Features;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Campaigns.Plugins.Segmentation.ML.Propensity;

/// <summary>The FastTree classifier of the target, trained at one cutoff and applied at later ones.</summary>
internal sealed class PropensityModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _schema;

    private PropensityModel(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        _ml = ml;
        _model = model;
        _schema = schema;
    }

    /// <summary>The model in ML.NET's own format, to store.</summary>
    public byte[] Save()
    {
        using var stream = new MemoryStream();
        _ml.Model.Save(_model, _schema, stream);
        return stream.ToArray();
    }

    /// <summary>A model <see cref="Save"/> wrote, perhaps in another process.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an ML.NET model this build can load.</exception>
    public static PropensityModel Load(byte[] bytes)
    {
        var ml = new MLContext(0);
        // The plugin has its own load context: ML.NET finds FastTree's loaders only in assemblies it was told about.
        ml.ComponentCatalog.RegisterAssembly(typeof(FastTreeBinaryTrainer).Assembly);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var model = ml.Model.Load(stream, out var schema);
            return new PropensityModel(ml, model, schema);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"propensity-segment: the stored classifier cannot be loaded ({ex.Message})", ex);
        }
    }

    /// <summary>Trains on <paramref name="set"/>; with <paramref name="shuffleSeed"/>, on its labels in random order (the control).</summary>
    public static PropensityModel Train(PropensitySet set, PropensitySegmentOptions options, int? shuffleSeed = null)
    {
        var positives = set.Rows.Count(r => r.Label);
        if (positives == 0 || positives == set.Rows.Count)
            throw new InvalidOperationException($"propensity-segment: all {set.Rows.Count:N0} training customers are {(positives == 0 ? "negative" : "positive")} " +
                $"for '{options.Target}' within {options.HorizonDays} days; the model needs both (more history: at least 2 × horizonDays of purchases)");
        var rows = set.Rows;
        if (shuffleSeed is { } seed)
        {
            var labels = rows.Select(r => r.Label).ToArray();
            new Random(seed).Shuffle(labels);
            rows = [.. rows.Select((r, i) => new PropensityRow { Features = r.Features, Label = labels[i] })];
        }
        var ml = new MLContext(options.Seed);
        // One thread and a seed: the same data must give the same audience. Small shops get smaller leaves.
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(PropensityRow.Label),
            FeatureColumnName = nameof(PropensityRow.Features),
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = Math.Clamp(rows.Count / 50, 2, 50),
            LearningRate = 0.1,
            NumberOfThreads = 1,
            Seed = options.Seed,
        });
        var data = ml.Data.LoadFromEnumerable(rows);
        return new PropensityModel(ml, trainer.Fit(data), data.Schema);
    }

    /// <summary>The probability of the target for each row, in order.</summary>
    public double[] Score(PropensitySet set)
    {
        if (set.Rows.Count == 0) return [];
        var scored = _model.Transform(_ml.Data.LoadFromEnumerable(set.Rows));
        return [.. _ml.Data.CreateEnumerable<PropensityScore>(scored, reuseRowObject: true).Select(p => (double)p.Probability)];
    }

    /// <summary>The one-feature baseline scores: fewer days since the last order, or more orders, means more likely to buy.</summary>
    public static double[] Baseline(PropensitySet set, int feature, string target)
    {
        var sign = (feature == CustomerFeatures.Recency ? -1 : 1) * (target == "churn" ? -1 : 1);
        return [.. set.Rows.Select(r => sign * (double)r.Features[feature])];
    }
}
