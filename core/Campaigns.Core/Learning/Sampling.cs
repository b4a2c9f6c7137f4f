namespace Campaigns.Learning;

/// <summary>Random draws the learning code needs, on a caller's <see cref="Random"/> so that runs can be repeated.</summary>
public static class Sampling
{
    /// <summary>A Beta(a, b) draw from two Gamma draws.</summary>
    public static double Beta(Random random, double a, double b)
    {
        var x = Gamma(random, a);
        var y = Gamma(random, b);
        return x / (x + y);
    }

    /// <summary>A Gamma(shape, 1) draw (Marsaglia and Tsang; shapes below 1 boosted by U^(1/shape)).</summary>
    public static double Gamma(Random random, double shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (shape <= 0) throw new ArgumentOutOfRangeException(nameof(shape), "the shape must be positive");
        if (shape < 1) return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            var u = random.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u = 1 - random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
