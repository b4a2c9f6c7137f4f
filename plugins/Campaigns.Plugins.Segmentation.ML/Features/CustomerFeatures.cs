using Campaigns.Data;

namespace Campaigns.Plugins.Segmentation.ML.Features;

/// <summary>
/// A customer's purchases before a cutoff, summed as they stream past: RFM (recency, frequency, monetary), the time
/// between orders, tenure and category affinities. This is the event path (hosts without profiles, and the past
/// cutoffs propensity trains at); <see cref="ProfileFeatures"/> builds the same vector from a stored profile, and every
/// feature is defined as the profile field it mirrors (docs/segments-ml.md).
/// </summary>
internal sealed class CustomerFeatures
{
    /// <summary>Length of the feature vector.</summary>
    public const int Count = 5 + TopCategories.Count;

    /// <summary>Index of "days since last order" in the vector.</summary>
    public const int Recency = 0;

    /// <summary>Index of "orders" in the vector.</summary>
    public const int Orders = 1;

    /// <summary>Index of "spend" in the vector.</summary>
    public const int Spend = 2;

    /// <summary>Index of "days between orders" in the vector.</summary>
    public const int Interval = 3;

    /// <summary>Index of "days as customer" in the vector.</summary>
    public const int Tenure = 4;

    /// <summary>Index of the first category share in the vector.</summary>
    public const int FirstAffinity = 5;

    private readonly CategorySpend _categorySpend = new();
    private DateTimeOffset _first;
    private DateTimeOffset _last;
    private int _orders;
    private int _lines;
    private double _spend;

    /// <summary>True once a purchase was added.</summary>
    public bool Any => _lines > 0;

    /// <summary>When the last purchase before the cutoff happened.</summary>
    public DateTimeOffset LastAt => _last;

    /// <summary>The names of the features, in vector order, for reports.</summary>
    public static string[] Names(TopCategories categories) =>
        ["days since last order", "orders", "spend", "days between orders", "days as customer",
         .. Enumerable.Range(0, TopCategories.Count).Select(i => i < categories.Words.Count ? $"share of {categories.Words[i]}" : $"share of category {i + 1}")];

    /// <summary>Adds one purchase (<paramref name="category"/>: its index among all categories, or -1); purchases arrive in time order.</summary>
    public void Add(Interaction purchase, int category)
    {
        if (_lines == 0) _first = purchase.OccurredAt;
        // An order is a distinct checkout moment: the events of one invoice share their timestamp.
        if (_lines == 0 || purchase.OccurredAt != _last) _orders++;
        _last = purchase.OccurredAt;
        _lines++;
        _spend += (double)purchase.Value;
        // As in a profile's affinity: a share of the positive purchase value (a line of value 0 or less counts toward nothing).
        if (purchase.Value > 0) _categorySpend.Add(category, (double)purchase.Value);
    }

    /// <summary>The features in original units, measured at <paramref name="cutoff"/>.</summary>
    public float[] Vector(DateTimeOffset cutoff, TopCategories categories)
    {
        var recency = (cutoff - _last).TotalDays;
        var tenure = (cutoff - _first).TotalDays;
        // A one-time buyer has no interval yet; the time since their only order is the least it can be.
        var interval = _orders > 1 ? (_last - _first).TotalDays / (_orders - 1) : recency;
        var vector = new float[Count];
        vector[Recency] = (float)recency;
        vector[Orders] = _orders;
        vector[Spend] = (float)Math.Max(0, _spend);
        vector[Interval] = (float)interval;
        vector[Tenure] = (float)tenure;
        _categorySpend.Shares(categories, vector, FirstAffinity);
        return vector;
    }

    /// <summary>
    /// Money, order counts and day counts are heavily skewed (a few wholesale buyers spend 1,000 times the median), so
    /// they are compared on a log scale; shares are already between 0 and 1.
    /// </summary>
    public static float[] Logged(float[] vector)
    {
        var logged = (float[])vector.Clone();
        for (var i = 0; i < FirstAffinity; i++) logged[i] = (float)Math.Log(1 + Math.Max(0, vector[i]));
        return logged;
    }

    /// <summary>The inverse of <see cref="Logged"/> for one feature.</summary>
    public static double Unlogged(int feature, double value) => feature < FirstAffinity ? Math.Exp(value) - 1 : value;
}
