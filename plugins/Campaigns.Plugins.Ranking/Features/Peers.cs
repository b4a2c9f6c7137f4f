using System.Runtime.InteropServices;

namespace Campaigns.Plugins.Ranking.Features;

/// <summary>
/// A customer's peers as of the instant of a <see cref="History"/>: the customers whose baskets are most alike (cosine
/// of IDF-weighted item sets), and what those peers bought lately. Shops of one kind stock up for a season together:
/// what similar customers started buying in the last weeks is what this customer is about to buy, a signal neither
/// the item's overall trend nor static item-to-item similarity carries.
/// </summary>
internal sealed class Peers
{
    private readonly History _h;
    private readonly int[] _buyerOffsets = [];
    private readonly int[] _buyers = [];
    private readonly float[] _idf = [];
    private readonly float[] _norm = [];
    private readonly float[] _recent = [];

    public Peers(History h)
    {
        _h = h;
        // With the peer features off nothing reads the index: every history (one per label window) skips building it.
        if (h.Settings.Peers == 0) return;
        var items = h.Log.Items.Count;
        _buyerOffsets = new int[items + 1];
        foreach (var item in h.PairItems) _buyerOffsets[item + 1]++;
        for (var i = 0; i < items; i++) _buyerOffsets[i + 1] += _buyerOffsets[i];
        _buyers = new int[h.PairItems.Length];
        var fill = _buyerOffsets[..^1].ToArray();
        for (var c = 0; c < h.Log.Customers.Count; c++)
            for (var k = h.Offsets[c]; k < h.Offsets[c + 1]; k++) _buyers[fill[h.PairItems[k]]++] = c;
        var customers = Math.Max(1, h.Offsets.Length - 1);
        _idf = new float[items];
        for (var i = 0; i < items; i++) _idf[i] = (float)Math.Log(1 + (double)customers / Math.Max(1, _buyerOffsets[i + 1] - _buyerOffsets[i]));
        // Each pair's "lately" weight, once: a customer's peers read it for every pair of theirs.
        var halfLife = h.Settings.PeerHalfLifeDays * TimeSpan.TicksPerDay;
        _recent = [.. h.Pairs.Select(p => (float)Math.Pow(0.5, (h.AsOf - p.Last) / halfLife))];
        _norm = new float[h.Log.Customers.Count];
        for (var c = 0; c < _norm.Length; c++)
        {
            double sum = 0;
            for (var k = h.Offsets[c]; k < h.Offsets[c + 1]; k++) sum += _idf[h.PairItems[k]] * (double)_idf[h.PairItems[k]];
            _norm[c] = (float)Math.Sqrt(sum);
        }
    }

    /// <summary>
    /// For customer <paramref name="customer"/>, per item their peers bought: (Σ sim · 0.5^(days since the peer's last
    /// purchase / half-life), Σ sim · 1), each ÷ Σ sim over the peers. Empty for an unknown customer or one without
    /// peers, and when the settings turn peers off.
    /// </summary>
    public Dictionary<int, (float Recent, float Any)> Scores(int customer)
    {
        var result = new Dictionary<int, (float Recent, float Any)>();
        if (customer < 0 || _h.Settings.Peers == 0 || _norm[customer] == 0) return result;
        var peers = Nearest(customer, _h.Settings.Peers);
        var total = peers.Sum(p => p.Sim);
        if (total <= 0) return result;
        foreach (var (v, sim) in peers)
        {
            for (var k = _h.Offsets[v]; k < _h.Offsets[v + 1]; k++)
            {
                var recent = _recent[k];
                ref var score = ref CollectionsMarshal.GetValueRefOrAddDefault(result, _h.PairItems[k], out _);
                score = (score.Recent + sim * recent / total, score.Any + sim / total);
            }
        }
        return result;
    }

    // The k customers most similar to this one, most similar first (ties: lower index first). Dot products gather in a
    // per-thread scratch row over all customers, cleared through the list of those touched: no hashing per pair.
    private (int Customer, float Sim)[] Nearest(int customer, int k)
    {
        var dot = t_dot is { } row && row.Length == _norm.Length ? row : t_dot = new float[_norm.Length];
        var touched = t_touched ??= [];
        for (var p = _h.Offsets[customer]; p < _h.Offsets[customer + 1]; p++)
        {
            var item = _h.PairItems[p];
            var w = _idf[item] * _idf[item];
            for (var b = _buyerOffsets[item]; b < _buyerOffsets[item + 1]; b++)
            {
                var v = _buyers[b];
                if (v == customer) continue;
                if (dot[v] == 0) touched.Add(v);
                dot[v] += w;
            }
        }
        // A min-heap of the best k so far: the weakest (lowest similarity, then highest index) is the one replaced.
        var best = new PriorityQueue<int, (float Sim, int Negated)>(k + 1);
        foreach (var v in touched)
        {
            var key = (dot[v] / (_norm[customer] * _norm[v]), -v);
            dot[v] = 0;
            if (best.Count < k) best.Enqueue(v, key);
            else if (best.TryPeek(out _, out var weakest) && key.CompareTo(weakest) > 0) best.EnqueueDequeue(v, key);
        }
        touched.Clear();
        var result = new (int Customer, float Sim)[best.Count];
        for (var i = result.Length - 1; best.TryDequeue(out var v, out var key); i--) result[i] = (v, key.Sim);
        return result;
    }

    [ThreadStatic] private static float[]? t_dot;
    [ThreadStatic] private static List<int>? t_touched;
}
