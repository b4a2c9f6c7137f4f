namespace Campaigns.Host.Bench;

/// <summary>
/// The planted structure of a generated shop: item popularity, categories, partner items and prices, all functions
/// of an item's popularity rank (0 = most popular) so nothing per item but two lookup tables is kept in memory.
/// </summary>
/// <remarks>
/// Popularity is Zipf (weight 1/(rank+1)^<see cref="ZipfExponent"/>). Category of rank r is r mod C, so every category
/// holds popular and rare items; category choice by customers is Zipf too, so categories differ in size of audience.
/// Item ids are a scatter of the rank (a multiplication modulo the item count), so an id says nothing about popularity.
/// </remarks>
internal sealed class ShopShape
{
    public const double ZipfExponent = 1.0;
    public const double CategoryExponent = 0.8;

    private readonly double[] _globalCdf;
    private readonly double[] _categoryCdf;   // per category, the CDF of its members' weights, members ordered by rank
    private readonly double[] _preferenceCdf; // Zipf over categories, for a customer's preferred ones
    private readonly long _scatter;

    public ShopShape(int items, int categories)
    {
        Items = items;
        Categories = categories;
        var weights = new double[items];
        for (var r = 0; r < items; r++) weights[r] = 1 / Math.Pow(r + 1, ZipfExponent);
        _globalCdf = Cumulative(weights, 0, 1, items);
        _categoryCdf = new double[items];
        for (var c = 0; c < categories; c++)
        {
            var running = 0.0;
            for (var r = c; r < items; r += categories) _categoryCdf[r] = running += weights[r];
        }
        var preference = new double[categories];
        for (var c = 0; c < categories; c++) preference[c] = 1 / Math.Pow(c + 1, CategoryExponent);
        _preferenceCdf = Cumulative(preference, 0, 1, categories);
        _scatter = ScatterFactor(items);
    }

    public int Items { get; }

    public int Categories { get; }

    /// <summary>A rank drawn from global popularity.</summary>
    public int PopularItem(Random random) => Search(_globalCdf, 0, 1, Items, random.NextDouble() * _globalCdf[^1]);

    /// <summary>A category drawn from how often customers prefer each.</summary>
    public int PreferredCategory(Random random) => Search(_preferenceCdf, 0, 1, Categories, random.NextDouble() * _preferenceCdf[^1]);

    /// <summary>A rank of <paramref name="category"/>, drawn by popularity within it.</summary>
    public int ItemOf(int category, Random random)
    {
        var members = (Items - category + Categories - 1) / Categories;
        var last = category + (members - 1) * Categories;
        return Search(_categoryCdf, category, Categories, members, random.NextDouble() * _categoryCdf[last]);
    }

    /// <summary>The item most often bought together with rank <paramref name="rank"/>: the next one of its category (wrapping).</summary>
    public int PartnerOf(int rank) => rank + Categories < Items ? rank + Categories : rank % Categories;

    /// <summary>The public id of a rank: "i" and a scatter of the rank over 0..items-1.</summary>
    public long IdOf(int rank) => rank * _scatter % Items;

    /// <summary>A price between 1 and 200, fixed per item.</summary>
    public decimal PriceOf(int rank) => 1 + Math.Round((decimal)(199 * Math.Pow((rank * 0.6180339887) % 1, 3)), 2);

    // Cumulative weights of the strided members start, start+stride, ... (count of them), stored at their own positions.
    private static double[] Cumulative(double[] weights, int start, int stride, int count)
    {
        var cdf = new double[weights.Length];
        var running = 0.0;
        for (var n = 0; n < count; n++) cdf[start + n * stride] = running += weights[start + n * stride];
        return cdf;
    }

    // Binary search over the strided members for the first whose cumulative weight exceeds u.
    private static int Search(double[] cdf, int start, int stride, int count, double u)
    {
        int lo = 0, hi = count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (cdf[start + mid * stride] > u) hi = mid;
            else lo = mid + 1;
        }
        return start + lo * stride;
    }

    // The smallest factor ≥ 0.618·items coprime with items, so rank → rank·factor mod items is a bijection.
    private static long ScatterFactor(int items)
    {
        for (var f = Math.Max(1L, (long)(items * 0.6180339887)); ; f++)
            if (Gcd(f, items) == 1) return f;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
