namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>One thread's dense scratch rows for user-knn predictions, reset after each customer.</summary>
internal sealed class UserKnnScorer(UserKnnStage.Model m, int k)
{
    private readonly double[] _dot = new double[m.Ratings.Rows];
    private readonly double[] _numerator = new double[m.Ratings.Columns];
    private readonly double[] _denominator = new double[m.Ratings.Columns];
    private readonly bool[] _seen = new bool[m.Ratings.Rows];
    private List<int> _pendingReset = [];

    /// <summary>How many neighbours rated each item in the last <see cref="Score"/> (read for the reason).</summary>
    public int[] Raters { get; } = new int[m.Ratings.Columns];

    /// <summary>Predicted ratings of every item some neighbour rated, the customer's own items included.</summary>
    public List<Candidate> Score(int u)
    {
        foreach (var i in _pendingReset) Raters[i] = 0;
        // sim(u, v) through the items they share: only customers who rated one of u's items get a non-zero dot product.
        var neighbours = new List<int>();
        var items = m.Ratings.RowIndexes(u);
        var ratings = m.Ratings.RowValues(u);
        for (var x = 0; x < items.Length; x++)
        {
            var raters = m.Raters.RowIndexes(items[x]);
            var theirs = m.Raters.RowValues(items[x]);
            for (var y = 0; y < raters.Length; y++)
            {
                var v = raters[y];
                if (v == u) continue;
                if (!_seen[v])
                {
                    _seen[v] = true;
                    neighbours.Add(v);
                }
                _dot[v] += ratings[x] * theirs[y];
            }
        }
        var sims = new double[neighbours.Count];
        for (var n = 0; n < neighbours.Count; n++)
        {
            var v = neighbours[n];
            sims[n] = _dot[v] / (m.Norms[u] * m.Norms[v]);
            (_dot[v], _seen[v]) = (0, false);
        }
        // Most similar first (ties: lower index, for a result independent of order); each item then takes its first k raters.
        var order = Enumerable.Range(0, neighbours.Count).OrderByDescending(n => sims[n]).ThenBy(n => neighbours[n]).ToArray();
        var touched = new List<int>();
        foreach (var n in order)
        {
            if (sims[n] == 0 || !double.IsFinite(sims[n])) continue;
            var theirItems = m.Ratings.RowIndexes(neighbours[n]);
            var theirRatings = m.Ratings.RowValues(neighbours[n]);
            for (var x = 0; x < theirItems.Length; x++)
            {
                var i = theirItems[x];
                if (Raters[i] >= k) continue;
                if (Raters[i]++ == 0) touched.Add(i);
                _numerator[i] += sims[n] * theirRatings[x];
                _denominator[i] += Math.Abs(sims[n]);
            }
        }
        var candidates = new List<Candidate>(touched.Count);
        foreach (var i in touched)
        {
            candidates.Add(new Candidate(i, _numerator[i] / _denominator[i]));
            (_numerator[i], _denominator[i]) = (0, 0);
        }
        // Raters stays filled for the reasons of this customer's list; cleared at the next call.
        _pendingReset = touched;
        return candidates;
    }
}
