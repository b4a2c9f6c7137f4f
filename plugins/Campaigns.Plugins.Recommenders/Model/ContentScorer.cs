namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>
/// Scores every item against one customer's profile through the inverted index. Holds dense scratch arrays (one per
/// token, one per item), so use one instance per thread; they are reset through the lists of touched entries.
/// </summary>
internal sealed class ContentScorer(ItemVectors vectors)
{
    private readonly float[] _profile = new float[vectors.TokenCount];
    private readonly float[] _scores = new float[vectors.Offsets.Length - 1];
    private readonly List<int> _tokens = [];
    private readonly List<int> _items = [];

    /// <summary>
    /// The items with a positive cosine to the profile Σ weights[k] · vector(items[k]), keeping only those that can
    /// make a list of <paramref name="count"/> (every item tied with the last one included).
    /// </summary>
    public List<Candidate> Score(ReadOnlySpan<int> items, ReadOnlySpan<float> weights, int count)
    {
        for (var k = 0; k < items.Length; k++)
        {
            for (var e = vectors.Offsets[items[k]]; e < vectors.Offsets[items[k] + 1]; e++)
            {
                var t = vectors.Tokens[e];
                if (_profile[t] == 0) _tokens.Add(t);
                _profile[t] += weights[k] * vectors.Weights[e];
            }
        }
        double norm = 0;
        foreach (var t in _tokens) norm += (double)_profile[t] * _profile[t];
        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        foreach (var t in _tokens)
        {
            var p = _profile[t] * scale;
            _profile[t] = 0;
            for (var e = vectors.PostingOffsets[t]; e < vectors.PostingOffsets[t + 1]; e++)
            {
                var i = vectors.PostingItems[e];
                if (_scores[i] == 0) _items.Add(i);
                _scores[i] += p * vectors.PostingWeights[e];
            }
        }
        _tokens.Clear();
        var threshold = Threshold(count);
        var candidates = new List<Candidate>();
        foreach (var i in _items)
        {
            if (_scores[i] > 0 && _scores[i] >= threshold) candidates.Add(new Candidate(i, _scores[i]));
            _scores[i] = 0;
        }
        _items.Clear();
        return candidates;
    }

    /// <summary>Cosine of two item vectors (both L2-normalised): a merge of their sorted rows.</summary>
    public float Similarity(int a, int b)
    {
        float dot = 0;
        int x = vectors.Offsets[a], xEnd = vectors.Offsets[a + 1], y = vectors.Offsets[b], yEnd = vectors.Offsets[b + 1];
        while (x < xEnd && y < yEnd)
        {
            var (tx, ty) = (vectors.Tokens[x], vectors.Tokens[y]);
            if (tx == ty) dot += vectors.Weights[x++] * vectors.Weights[y++];
            else if (tx < ty) x++;
            else y++;
        }
        return dot;
    }

    // The (count + 1)-th best score (one spare for a skipped trigger item), or 0 when fewer items scored.
    private float Threshold(int count)
    {
        var keep = Math.Max(1, count) + 1;
        if (_items.Count <= keep) return 0;
        var best = new PriorityQueue<float, float>(keep + 1);
        foreach (var i in _items)
        {
            if (best.Count < keep) best.Enqueue(_scores[i], _scores[i]);
            else if (_scores[i] > best.Peek()) best.EnqueueDequeue(_scores[i], _scores[i]);
        }
        return best.Peek();
    }
}
