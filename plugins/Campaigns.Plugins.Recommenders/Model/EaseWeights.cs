namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>
/// EASE's item–item weights B over the kept items (columns 0..n-1): dense row-major doubles as fitted, or each row's
/// largest weights only, as floats, as a trained model stores them.
/// </summary>
/// <remarks>
/// A customer's score for item j is Σ B[a, j] over their items a. Negative weights only lower a score and small ones
/// barely move it, so the top of each row decides the list; the dense matrix is items² doubles (72 MB at 3,000 items),
/// the top 100 of each row 2.4 MB. <c>docs/benchmarks.md</c> measures what keeping only the top costs in nDCG@10.
/// </remarks>
internal sealed class EaseWeights
{
    private readonly double[]? _dense;
    private readonly int[] _offsets;
    private readonly int[] _columns;
    private readonly float[] _values;

    private EaseWeights(int n, double[]? dense, int[] offsets, int[] columns, float[] values) =>
        (Count, _dense, _offsets, _columns, _values) = (n, dense, offsets, columns, values);

    /// <summary>How many items (rows and columns) the weights cover.</summary>
    public int Count { get; }

    /// <summary>Non-zero entries held: n² when dense.</summary>
    public long Entries => _dense?.LongLength ?? _values.Length;

    /// <summary>The fitted matrix, row-major, n × n.</summary>
    public static EaseWeights Dense(double[] weights, int n) => new(n, weights, [], [], []);

    /// <summary>Rows read back from an artefact: row a is columns and values from offsets[a] to offsets[a+1], columns ascending.</summary>
    public static EaseWeights Sparse(int n, int[] offsets, int[] columns, float[] values)
    {
        if (columns.Length != values.Length || !ArtefactIO.AreRowOffsets(offsets, n, columns.Length))
            throw new InvalidDataException("corrupt ease model: row offsets do not match the weights");
        if (columns.Any(c => c < 0 || c >= n)) throw new InvalidDataException("corrupt ease model: a column is out of range");
        return new(n, null, offsets, columns, values);
    }

    /// <summary>Each row's <paramref name="keep"/> largest positive weights (0: every weight), as floats (the trained model's form).</summary>
    public EaseWeights Top(int keep)
    {
        if (_dense is null) return this;
        var n = Count;
        if (keep == 0) return All(_dense, n);
        var rows = new (int Column, float Value)[n][];
        Parallel.For(0, n, a =>
        {
            var row = _dense.AsSpan(a * n, n);
            var best = new PriorityQueue<int, (double, int)>(keep + 1);
            // Smallest first at the root; ties by the lower column kept, so the choice does not depend on the order.
            for (var j = 0; j < n; j++)
            {
                if (row[j] <= 0) continue;
                best.Enqueue(j, (row[j], -j));
                if (best.Count > keep) best.Dequeue();
            }
            var kept = new (int, float)[best.Count];
            for (var k = 0; best.TryDequeue(out var j, out _); k++) kept[k] = (j, (float)row[j]);
            Array.Sort(kept, (x, y) => x.Item1.CompareTo(y.Item1));
            rows[a] = kept;
        });
        var offsets = new int[n + 1];
        for (var a = 0; a < n; a++) offsets[a + 1] = offsets[a] + rows[a].Length;
        var columns = new int[offsets[^1]];
        var values = new float[offsets[^1]];
        for (var a = 0; a < n; a++)
            for (var k = 0; k < rows[a].Length; k++) (columns[offsets[a] + k], values[offsets[a] + k]) = rows[a][k];
        return new(n, null, offsets, columns, values);
    }

    // Every weight, negative ones included: the dense matrix in sparse form, to measure what cutting it costs.
    private static EaseWeights All(double[] dense, int n)
    {
        var offsets = new int[n + 1];
        for (var a = 0; a < n; a++) offsets[a + 1] = offsets[a] + n;
        var columns = new int[dense.Length];
        for (var k = 0; k < columns.Length; k++) columns[k] = k % n;
        return new(n, null, offsets, columns, [.. dense.Select(w => (float)w)]);
    }

    /// <summary>scores += row <paramref name="a"/>.</summary>
    public void AddRow(int a, double[] scores)
    {
        if (_dense is not null)
        {
            Vectors.Add(scores, _dense.AsSpan(a * Count, Count));
            return;
        }
        for (var k = _offsets[a]; k < _offsets[a + 1]; k++) scores[_columns[k]] += _values[k];
    }

    /// <summary>B[a, j]; 0 for a weight a stored model did not keep.</summary>
    public double Weight(int a, int j)
    {
        if (_dense is not null) return _dense[a * Count + j];
        var k = Array.BinarySearch(_columns, _offsets[a], _offsets[a + 1] - _offsets[a], j);
        return k >= 0 ? _values[k] : 0;
    }

    /// <summary>Writes the sparse rows (offsets, columns, values); a dense matrix is cut to its rows' tops first by the caller.</summary>
    public void Write(BinaryWriter writer)
    {
        if (_dense is not null) throw new InvalidOperationException("store the top weights (Top) rather than the dense matrix");
        writer.Write(Count);
        writer.WriteInts(_offsets);
        writer.WriteInts(_columns);
        writer.WriteFloats(_values);
    }

    /// <exception cref="InvalidDataException">The rows are damaged.</exception>
    public static EaseWeights Read(BinaryReader reader)
    {
        var n = reader.ReadInt32();
        if (n < 0) throw new InvalidDataException($"corrupt ease model: {n} items");
        return Sparse(n, reader.ReadInts(), reader.ReadInts(), reader.ReadFloats());
    }
}
