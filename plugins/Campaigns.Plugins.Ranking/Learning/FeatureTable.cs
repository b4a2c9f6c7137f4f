using Campaigns.Plugins.Ranking.Candidates;
using Campaigns.Plugins.Ranking.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Campaigns.Plugins.Ranking.Learning;

/// <summary>Rows of features (one per candidate), with a label and a query group each, growing as candidates are added.</summary>
internal sealed class FeatureTable(int width)
{
    private readonly List<float[]> _features = [];
    private readonly List<float> _labels = [];
    private readonly List<uint> _groups = [];

    public int Width => width;

    public int Count => _features.Count;

    /// <summary>Adds a row and returns its features to fill.</summary>
    public float[] Add(float label, uint group)
    {
        var row = new float[width];
        _features.Add(row);
        _labels.Add(label);
        _groups.Add(group);
        return row;
    }

    /// <summary>
    /// Adds one customer's candidates as query group <paramref name="group"/>: each row's own features as of
    /// <paramref name="h"/>, then those relative to the group (<see cref="QueryFeatures"/>).
    /// </summary>
    public void AddGroup(uint group, History h, int customer, IReadOnlyList<CandidateItem> candidates, double horizonDays, Func<CandidateItem, float> label)
    {
        var rows = new float[candidates.Count][];
        var peers = h.Peers.Scores(customer);
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = Add(label(candidates[i]), group);
            FeatureVector.Fill(rows[i], h, customer, candidates[i], horizonDays, peers);
        }
        QueryFeatures.Fill(rows);
    }

    /// <summary>The features of row <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Row(int index) => _features[index];

    /// <summary>The rows as an ML.NET view: <c>Label</c> (float), <c>Group</c> (uint), <c>Features</c> (float vector of <see cref="Width"/>).</summary>
    public IDataView ToDataView(MLContext ml)
    {
        var schema = SchemaDefinition.Create(typeof(ViewRow));
        schema[nameof(ViewRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var rows = Enumerable.Range(0, _features.Count).Select(i => new ViewRow { Label = _labels[i], Group = _groups[i], Features = _features[i] });
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>One row as ML.NET reads it.</summary>
    private sealed class ViewRow
    {
        public float Label { get; set; }

        public uint Group { get; set; }

        public float[] Features { get; set; } = [];
    }
}
