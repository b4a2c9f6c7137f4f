namespace Campaigns.Plugins.Segmentation.ML.Clusters;

/// <summary>z-scores per feature, so days, orders and shares weigh the same in K-means' distances.</summary>
internal sealed class Standardizer
{
    private readonly double[] _mean;
    private readonly double[] _sd;

    private Standardizer(double[] mean, double[] sd)
    {
        _mean = mean;
        _sd = sd;
    }

    /// <summary>Each feature's mean (logged units), as a trained model stores it.</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>Each feature's standard deviation (1 for a feature with no spread), as a trained model stores it.</summary>
    public IReadOnlyList<double> Sd => _sd;

    /// <summary>The scaling a trained model stored, applied unchanged to customers it never saw.</summary>
    public static Standardizer Of(double[] mean, double[] sd) => new(mean, sd);

    /// <summary>Learns the mean and standard deviation of each feature.</summary>
    public static Standardizer Fit(IReadOnlyList<float[]> rows)
    {
        var n = rows[0].Length;
        var mean = new double[n];
        var sd = new double[n];
        foreach (var row in rows) for (var i = 0; i < n; i++) mean[i] += row[i];
        for (var i = 0; i < n; i++) mean[i] /= rows.Count;
        foreach (var row in rows) for (var i = 0; i < n; i++) sd[i] += (row[i] - mean[i]) * (row[i] - mean[i]);
        // A feature with no spread (no keywords in the catalogue) becomes 0 for everyone instead of a division by zero.
        for (var i = 0; i < n; i++) sd[i] = sd[i] > 0 ? Math.Sqrt(sd[i] / rows.Count) : 1;
        return new Standardizer(mean, sd);
    }

    /// <summary>The z-scores of a row.</summary>
    public float[] Apply(float[] row)
    {
        var z = new float[row.Length];
        for (var i = 0; i < row.Length; i++) z[i] = (float)((row[i] - _mean[i]) / _sd[i]);
        return z;
    }

    /// <summary>A z-score back in the feature's (logged) units.</summary>
    public double Invert(int feature, double z) => _mean[feature] + z * _sd[feature];
}
