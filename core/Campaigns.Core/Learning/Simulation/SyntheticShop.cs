namespace Campaigns.Learning.Simulation;

/// <summary>
/// Synthetic customers with hidden preferences: a segment, a preferred hour, and per variant a true conversion
/// probability. Without a message a customer still buys at the segment's organic rate (what a holdout measures); a
/// message adds its variant's uplift for the segment, shrunk the further the send hour is from the preferred hour.
/// </summary>
public sealed class SyntheticShop
{
    /// <summary>The segments and their organic conversion rate without any message.</summary>
    public static readonly IReadOnlyList<(string Name, double Organic)> Segments = [("new", 0.010), ("regular", 0.030), ("lapsed", 0.005)];

    /// <summary>The local hour every simulated message goes out at.</summary>
    public const int SendHour = 10;

    /// <summary>How fast the uplift fades away from the preferred hour (Gaussian width, hours).</summary>
    public const double TimingWidthHours = 3;

    private readonly int[] _segment;
    private readonly int[] _preferredHour;
    private readonly double[,] _uplift;

    /// <summary>A shop of <paramref name="customers"/> customers; the hidden truth is drawn from <paramref name="seed"/>.</summary>
    public SyntheticShop(int customers, IReadOnlyList<string> variants, int seed)
    {
        ArgumentNullException.ThrowIfNull(variants);
        if (customers < 2) throw new ArgumentOutOfRangeException(nameof(customers), "a shop needs at least two customers");
        if (variants.Count < 1 || variants.Distinct(StringComparer.Ordinal).Count() != variants.Count)
            throw new ArgumentException("the variants must be at least one, each named once");
        Variants = variants;
        var random = new Random(seed);
        _segment = new int[customers];
        _preferredHour = new int[customers];
        for (var c = 0; c < customers; c++)
        {
            _segment[c] = random.NextDouble() switch { < 0.5 => 0, < 0.8 => 1, _ => 2 };
            // Preferred hours cluster around the morning and the evening, as shop traffic does.
            _preferredHour[c] = ((random.NextDouble() < 0.6 ? 9 : 20) + (int)Math.Round(Sampling.Normal(random) * 2) + 24) % 24;
        }
        // Each variant: a base uplift of 0.5 to 4 points, scaled per segment by 0.5 to 1.5, so the best variant can differ by segment.
        _uplift = new double[variants.Count, Segments.Count];
        for (var v = 0; v < variants.Count; v++)
        {
            var baseUplift = 0.005 + 0.035 * random.NextDouble();
            for (var s = 0; s < Segments.Count; s++) _uplift[v, s] = baseUplift * (0.5 + random.NextDouble());
        }
        CustomerIds = [.. Enumerable.Range(0, customers).Select(c => $"sim-{c:D7}")];
    }

    /// <summary>The variants, in the order their index is used.</summary>
    public IReadOnlyList<string> Variants { get; }

    /// <summary>The customers' ids (what <see cref="Assignment"/> hashes).</summary>
    public IReadOnlyList<string> CustomerIds { get; }

    /// <summary>A customer's segment name (the feature a decision would log).</summary>
    public string SegmentOf(int customer) => Segments[_segment[customer]].Name;

    /// <summary>The probability that a customer buys without a message.</summary>
    public double Organic(int customer) => Segments[_segment[customer]].Organic;

    /// <summary>The probability that a customer buys after variant <paramref name="variant"/> (an index), sent at <see cref="SendHour"/>.</summary>
    public double Converts(int customer, int variant)
    {
        var distance = Math.Abs(_preferredHour[customer] - SendHour);
        distance = Math.Min(distance, 24 - distance);
        var timing = Math.Exp(-distance * distance / (2 * TimingWidthHours * TimingWidthHours));
        return Organic(customer) + _uplift[variant, _segment[customer]] * timing;
    }

    /// <summary>The true conversion rate of a variant over all customers.</summary>
    public double TrueRate(int variant) => Enumerable.Range(0, CustomerIds.Count).Average(c => Converts(c, variant));

    /// <summary>The true conversion rate of the holdout (no message) over all customers.</summary>
    public double TrueOrganicRate() => Enumerable.Range(0, CustomerIds.Count).Average(Organic);

    /// <summary>The variant with the highest true rate: what an oracle would always send.</summary>
    public int BestVariant() => Enumerable.Range(0, Variants.Count).MaxBy(TrueRate);
}
