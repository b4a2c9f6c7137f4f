namespace Campaigns.Learning;

/// <summary>Count, mean and variance of a sample, accumulated in one pass (Welford), so a report never holds the rows.</summary>
public sealed class Moments
{
    private double m2;

    /// <summary>Values seen.</summary>
    public long Count { get; private set; }

    /// <summary>Their mean (0 when empty).</summary>
    public double Mean { get; private set; }

    /// <summary>Sample variance (n − 1), 0 with fewer than two values.</summary>
    public double Variance => Count < 2 ? 0 : m2 / (Count - 1);

    /// <summary>Adds one value.</summary>
    public void Add(double value)
    {
        Count++;
        var delta = value - Mean;
        Mean += delta / Count;
        m2 += delta * (value - Mean);
    }
}
