using Campaigns.Plugins.Timing.History;
using Microsoft.ML;

namespace Campaigns.Plugins.Timing.ML;

/// <summary>The trained FastTree classifier, or none when the history is too thin to learn from (then the population's hours score).</summary>
internal sealed partial class EngagementModel
{
    /// <summary>Fewest positive rows worth training on.</summary>
    private const int MinPositives = 50;

    private readonly PredictionEngine<HourRow, HourPrediction>? _engine;
    private readonly Lock _engineLock = new();
    private readonly MLContext _ml;
    private readonly ITransformer? _transformer;
    private readonly DataViewSchema? _schema;

    private EngagementModel(MLContext ml, ITransformer? model, int positives, DataViewSchema? schema = null)
    {
        (_ml, _transformer, _schema) = (ml, model, schema);
        // One engine, used under a lock: an engine is not thread-safe, and building one per batch costs more than
        // scoring the batch (a decision scores about 48 rows in microseconds).
        _engine = model is null ? null : ml.Model.CreatePredictionEngine<HourRow, HourPrediction>(model);
        Positives = positives;
    }

    /// <summary>True when a model was trained.</summary>
    public bool Trained => _engine is not null;

    /// <summary>Positive rows it was trained on.</summary>
    public int Positives { get; }

    /// <summary>
    /// Trains on the log: moments in the last quarter of its span are labels, earlier moments the features, so the model
    /// learns to predict later behaviour from earlier, as it is used.
    /// </summary>
    public static EngagementModel Train(ActivityLog log, MlEngagementOptions options)
    {
        var ml = new MLContext(options.Seed);
        var customers = log.All().Select(c => c.Events).ToList();
        if (customers.Count == 0) return new EngagementModel(ml, null, 0);
        var first = customers.Min(e => e[0].At);
        var last = customers.Max(e => e[^1].At);
        var cut = last - (last - first) / 4;
        var population = Population.Of(customers.SelectMany(e => e.Where(m => m.At < cut)));

        var held = customers.Where(e => e[0].At < cut && e[^1].At >= cut).ToList();
        var moments = held.Sum(e => e.Count(m => m.At >= cut));
        var keepEvery = Math.Max(1, (int)Math.Ceiling((double)moments / options.MaxTrainingMoments));
        var rows = new List<HourRow>();
        var seen = 0;
        foreach (var events in held)
        {
            var features = new HourFeatures(events.Where(m => m.At < cut), cut);
            foreach (var moment in events.Where(m => m.At >= cut))
            {
                if (seen++ % keepEvery != 0) continue;
                var weekend = moment.Local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                for (var h = 0; h < 24; h++) rows.Add(new HourRow { Features = features.For(h, weekend, population), Label = h == moment.Local.Hour });
            }
        }
        var positives = rows.Count / 24;
        if (positives < MinPositives) return new EngagementModel(ml, null, positives);

        var trainer = ml.BinaryClassification.Trainers.FastTree(labelColumnName: nameof(HourRow.Label), featureColumnName: nameof(HourRow.Features),
            numberOfLeaves: options.Leaves, numberOfTrees: options.Trees, minimumExampleCountPerLeaf: 20, learningRate: 0.1);
        var data = ml.Data.LoadFromEnumerable(rows);
        return new EngagementModel(ml, trainer.Fit(data), positives, data.Schema);
    }

    /// <summary>The engagement probability of each row, in order.</summary>
    public float[] Score(IReadOnlyList<HourRow> rows)
    {
        if (_engine is null) throw new InvalidOperationException("no model was trained");
        var scores = new float[rows.Count];
        var prediction = new HourPrediction();
        lock (_engineLock)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                _engine.Predict(rows[i], ref prediction);
                scores[i] = prediction.Probability;
            }
        }
        return scores;
    }
}
