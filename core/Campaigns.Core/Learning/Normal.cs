namespace Campaigns.Learning;

/// <summary>The standard normal distribution's quantile and distribution functions.</summary>
public static class Normal
{
    /// <summary>The x with P(Z ≤ x) = p (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    public static double Quantile(double p)
    {
        if (p <= 0 || p >= 1) throw new ArgumentOutOfRangeException(nameof(p), "p must be strictly between 0 and 1");
        const double low = 0.02425;
        if (p < low) return Tail(Math.Sqrt(-2 * Math.Log(p)));
        if (p > 1 - low) return -Tail(Math.Sqrt(-2 * Math.Log(1 - p)));
        var q = p - 0.5;
        var r = q * q;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
            / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
    }

    /// <summary>P(Z ≤ x) (Abramowitz and Stegun 7.1.26 on erf, absolute error below 1.5e-7).</summary>
    public static double Cdf(double x)
    {
        var t = 1 / (1 + 0.3275911 * Math.Abs(x) / Math.Sqrt(2));
        var erf = 1 - (((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t) * Math.Exp(-x * x / 2);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    private static double Tail(double q) =>
        (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
        / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1);
}
