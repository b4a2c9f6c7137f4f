namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>A read-only sparse matrix in compressed rows (CSR): row r holds <see cref="Indexes"/> and <see cref="Values"/> from <c>Offsets[r]</c> to <c>Offsets[r+1]</c>, columns ascending.</summary>
internal sealed class SparseMatrix
{
    private SparseMatrix(int rows, int columns, int[] offsets, int[] indexes, double[] values) =>
        (Rows, Columns, Offsets, Indexes, Values) = (rows, columns, offsets, indexes, values);

    public int Rows { get; }
    public int Columns { get; }
    public int[] Offsets { get; }
    public int[] Indexes { get; }
    public double[] Values { get; }

    public ReadOnlySpan<int> RowIndexes(int row) => Indexes.AsSpan(Offsets[row], Offsets[row + 1] - Offsets[row]);
    public ReadOnlySpan<double> RowValues(int row) => Values.AsSpan(Offsets[row], Offsets[row + 1] - Offsets[row]);
    public int RowLength(int row) => Offsets[row + 1] - Offsets[row];

    /// <summary>The customer × item matrix of <paramref name="log"/>: repeated pairs summed, or the latest one kept (ratings).</summary>
    public static SparseMatrix FromLog(EventLog log, bool latestWins)
    {
        var slots = new Dictionary<long, int>(log.Count);
        var rows = new List<int>();
        var columns = new List<int>();
        var values = new List<double>();
        for (var e = 0; e < log.Count; e++)
        {
            var key = ((long)log.Customer[e] << 32) | (uint)log.Item[e];
            if (slots.TryGetValue(key, out var slot))
            {
                values[slot] = latestWins ? log.Weight[e] : values[slot] + log.Weight[e];
                continue;
            }
            slots.Add(key, rows.Count);
            rows.Add(log.Customer[e]);
            columns.Add(log.Item[e]);
            values.Add(log.Weight[e]);
        }
        return Build(log.Customers.Count, log.Items.Count, rows, columns, values);
    }

    /// <summary>The transpose (items × customers for a customer × item matrix).</summary>
    public SparseMatrix Transpose()
    {
        var rows = new List<int>(Indexes.Length);
        var columns = new List<int>(Indexes.Length);
        for (var r = 0; r < Rows; r++)
        {
            for (var k = Offsets[r]; k < Offsets[r + 1]; k++)
            {
                rows.Add(Indexes[k]);
                columns.Add(r);
            }
        }
        return Build(Columns, Rows, rows, columns, [.. Values]);
    }

    // Counting sort by row, then each row sorted by column: O(nnz log rowLength), no per-row allocations.
    private static SparseMatrix Build(int rowCount, int columnCount, List<int> rows, List<int> columns, List<double> values)
    {
        var offsets = new int[rowCount + 1];
        foreach (var r in rows) offsets[r + 1]++;
        for (var r = 0; r < rowCount; r++) offsets[r + 1] += offsets[r];
        var next = offsets[..^1];
        var indexes = new int[rows.Count];
        var vals = new double[rows.Count];
        for (var k = 0; k < rows.Count; k++)
        {
            var at = next[rows[k]]++;
            indexes[at] = columns[k];
            vals[at] = values[k];
        }
        for (var r = 0; r < rowCount; r++)
            indexes.AsSpan(offsets[r], offsets[r + 1] - offsets[r]).Sort(vals.AsSpan(offsets[r], offsets[r + 1] - offsets[r]));
        return new SparseMatrix(rowCount, columnCount, offsets, indexes, vals);
    }
}
