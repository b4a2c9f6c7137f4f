namespace Campaigns.Learning;

/// <summary>An estimate with its confidence interval.</summary>
public readonly record struct Interval(double Estimate, double Low, double High)
{
    /// <summary>The interval leaves out zero: the difference is significant at its level.</summary>
    public bool ExcludesZero => Low > 0 || High < 0;

    /// <summary>The interval holds <paramref name="value"/>.</summary>
    public bool Contains(double value) => Low <= value && value <= High;
}
