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
        // Sort keys are -sim so the most similar come first; the neighbour list is in a deterministic discovery order,
        // so ties resolve the same way on every run.
        var order = new double[neighbours.Count];
        var sorted = neighbours.ToArray();
        for (var n = 0; n < sorted.Length; n++)
        {
            var v = sorted[n];
            order[n] = -_dot[v] / (m.Norms[u] * m.Norms[v]);
            (_dot[v], _seen[v]) = (0, false);
        }
        Array.Sort(order, sorted);
        var touched = new List<int>();
        for (var n = 0; n < sorted.Length; n++)
        {
            var sim = -order[n];
            if (sim == 0 || !double.IsFinite(sim)) continue;
            var theirItems = m.Ratings.RowIndexes(sorted[n]);
            var theirRatings = m.Ratings.RowValues(sorted[n]);
            for (var x = 0; x < theirItems.Length; x++)
            {
                var i = theirItems[x];
                if (Raters[i] >= k) continue;
                if (Raters[i]++ == 0) touched.Add(i);
                _numerator[i] += sim * theirRatings[x];
                _denominator[i] += Math.Abs(sim);
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
