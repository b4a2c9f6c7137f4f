namespace Campaigns.Learning;

/// <summary>
/// Two-sample comparisons for experiment reports, by the normal approximation (Wald for proportions, Welch's standard
/// error for means): campaign arms have thousands of recipients, where these are accurate and what peers report.
/// </summary>
public static class Compare
{
    /// <summary>Rate of B minus rate of A, with its interval at <paramref name="confidence"/>.</summary>
    public static Interval DifferenceOfProportions(long successesA, long trialsA, long successesB, long trialsB, double confidence = 0.95)
    {
        if (trialsA <= 0 || trialsB <= 0) return new Interval(0, double.NegativeInfinity, double.PositiveInfinity);
        var pa = (double)successesA / trialsA;
        var pb = (double)successesB / trialsB;
        var se = Math.Sqrt(pa * (1 - pa) / trialsA + pb * (1 - pb) / trialsB);
        return Around(pb - pa, se, confidence);
    }

    /// <summary>Mean of B minus mean of A (for example revenue per recipient), with its interval.</summary>
    public static Interval DifferenceOfMeans(Moments a, Moments b, double confidence = 0.95)
    {
        if (a.Count < 2 || b.Count < 2) return new Interval(b.Mean - a.Mean, double.NegativeInfinity, double.PositiveInfinity);
        var se = Math.Sqrt(a.Variance / a.Count + b.Variance / b.Count);
        return Around(b.Mean - a.Mean, se, confidence);
    }

    /// <summary>
    /// Mean of B minus mean of A when decisions come in clusters (the same customers across occurrences), with the
    /// cluster-robust standard error of <see cref="ClusteredMean"/>.
    /// </summary>
    public static Interval DifferenceOfClusteredMeans(ClusteredMean a, ClusteredMean b, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Clusters < 2 || b.Clusters < 2) return new Interval(b.Mean - a.Mean, double.NegativeInfinity, double.PositiveInfinity);
        return Around(b.Mean - a.Mean, Math.Sqrt(a.VarianceOfMean + b.VarianceOfMean), confidence);
    }

    /// <summary>Recipients each arm needs to detect an absolute change <paramref name="effect"/> on a base rate, two-sided.</summary>
    public static long SampleSizePerArm(double baseRate, double effect, double alpha = 0.05, double power = 0.8)
    {
        if (effect <= 0) throw new ArgumentOutOfRangeException(nameof(effect), "the effect to detect must be positive");
        var p1 = Math.Clamp(baseRate, 1e-6, 1 - 1e-6);
        var p2 = Math.Clamp(baseRate + effect, 1e-6, 1 - 1e-6);
        var z = Normal.Quantile(1 - alpha / 2) + Normal.Quantile(power);
        return (long)Math.Ceiling(z * z * (p1 * (1 - p1) + p2 * (1 - p2)) / (effect * effect));
    }

    /// <summary>The smallest absolute change in rate that arms of these sizes detect with the given power.</summary>
    public static double MinimumDetectableEffect(double baseRate, long trialsA, long trialsB, double alpha = 0.05, double power = 0.8)
    {
        if (trialsA <= 0 || trialsB <= 0) return double.PositiveInfinity;
        var p = Math.Clamp(baseRate, 1e-6, 1 - 1e-6);
        var z = Normal.Quantile(1 - alpha / 2) + Normal.Quantile(power);
        return z * Math.Sqrt(p * (1 - p) * (1.0 / trialsA + 1.0 / trialsB));
    }

    private static Interval Around(double estimate, double standardError, double confidence)
    {
        var z = Normal.Quantile(0.5 + confidence / 2);
        return new Interval(estimate, estimate - z * standardError, estimate + z * standardError);
    }
}
