namespace Campaigns.Plugins.Segmentation.ML.Features;

/// <summary>
/// A customer's positive purchase value per category, kept small (parallel arrays: most customers buy in a handful of
/// categories), and turned into the shares a profile stores: share of the positive value, only the customer's top 20
/// categories kept (ties by name), rounded to 6 decimals. A share the profile drops is 0 here too.
/// </summary>
internal sealed class CategorySpend
{
    /// <summary>The shares a profile keeps per customer (ProfileBuilder.KeptShares).</summary>
    private const int KeptShares = 20;

    private int[] _categories = new int[2];
    private double[] _values = new double[2];
    private int _count;
    private double _total;

    /// <summary>Adds a purchase line of positive value in category <paramref name="category"/> (-1: an unknown item, which counts only in the total).</summary>
    public void Add(int category, double value)
    {
        _total += value;
        if (category < 0) return;
        for (var i = 0; i < _count; i++)
        {
            if (_categories[i] != category) continue;
            _values[i] += value;
            return;
        }
        if (_count == _categories.Length)
        {
            Array.Resize(ref _categories, _count * 2);
            Array.Resize(ref _values, _count * 2);
        }
        _categories[_count] = category;
        _values[_count++] = value;
    }

    /// <summary>Writes the share of each of the top categories into <paramref name="target"/> from <paramref name="offset"/>.</summary>
    public void Shares(TopCategories categories, float[] target, int offset)
    {
        if (_total <= 0) return;
        var kept = _count <= KeptShares ? null : Enumerable.Range(0, _count)
            .OrderByDescending(i => _values[i] / _total).ThenBy(i => categories.All[_categories[i]], StringComparer.Ordinal)
            .Take(KeptShares).Select(i => _categories[i]).ToHashSet();
        for (var k = 0; k < categories.Top.Count; k++)
        {
            var top = categories.Top[k];
            if (kept is not null && !kept.Contains(top)) continue;
            for (var i = 0; i < _count; i++)
                if (_categories[i] == top) target[offset + k] = (float)Math.Round(_values[i] / _total, 6);
        }
    }
}
