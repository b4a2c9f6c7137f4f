namespace Campaigns.Learning;

/// <summary>
/// A per-decision mean (a conversion rate, revenue per recipient) over decisions that come in clusters: the same customer
/// decided once per occurrence of a recurring campaign. Its variance is the cluster-robust (linearised ratio) one, so a
/// customer seen ten times counts as one correlated unit, not ten independent ones, and an interval does not narrow
/// merely because the campaign ran more often.
/// </summary>
public sealed class ClusteredMean
{
    private readonly Dictionary<string, (long Count, double Sum)> _clusters = new(StringComparer.Ordinal);
    private double _sum;

    /// <summary>Decisions added.</summary>
    public long Count { get; private set; }

    /// <summary>Distinct clusters (customers) among them.</summary>
    public int Clusters => _clusters.Count;

    /// <summary>The mean over decisions.</summary>
    public double Mean => Count == 0 ? 0 : _sum / Count;

    /// <summary>Adds one decision's value to its cluster.</summary>
    public void Add(string cluster, double value)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var (count, sum) = _clusters.GetValueOrDefault(cluster);
        _clusters[cluster] = (count + 1, sum + value);
        Count++;
        _sum += value;
    }

    /// <summary>
    /// The variance of <see cref="Mean"/>: C/(C−1) · Σ_c (S_c − mean · n_c)² / N², with C clusters, S_c and n_c a cluster's
    /// sum and size, N all decisions. With one decision per cluster this is the usual p(1−p)/(N−1) of a proportion.
    /// </summary>
    public double VarianceOfMean
    {
        get
        {
            if (Clusters < 2) return double.PositiveInfinity;
            var mean = Mean;
            var squares = 0.0;
            foreach (var (count, sum) in _clusters.Values)
            {
                var residual = sum - mean * count;
                squares += residual * residual;
            }
            return squares / ((double)Count * Count) * Clusters / (Clusters - 1.0);
        }
    }
}
