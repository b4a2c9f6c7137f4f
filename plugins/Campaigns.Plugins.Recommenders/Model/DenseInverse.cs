namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>In-place inverse of a dense symmetric positive definite matrix (row-major n × n).</summary>
internal static class DenseInverse
{
    /// <summary>Pivots per parallel pass: one wait for every thread per block instead of per pivot.</summary>
    private const int BlockSize = 32;

    /// <summary>
    /// Replaces <paramref name="a"/> by its inverse with Gauss-Jordan elimination without pivoting, which is stable for
    /// symmetric positive definite matrices (every pivot is positive). Each step subtracts a multiple of the pivot row
    /// from every other row: contiguous SIMD row operations, rows in parallel.
    /// </summary>
    /// <remarks>
    /// Pivots are taken in blocks: the block's own rows are eliminated first, one pivot at a time, keeping a copy of each
    /// pivot row as it was at its step; then every other row applies the block's steps in order from those copies, rows in
    /// parallel. Every row sees exactly the operations of the one-pivot-at-a-time method, in the same order, so the result
    /// is bit for bit the same; but the threads meet n / 32 times instead of n times, which matters on a busy machine,
    /// where each meeting waits for the slowest thread's next time slice.
    /// </remarks>
    public static void InvertInPlace(double[] a, int n, CancellationToken cancellationToken)
    {
        var pivotRows = new double[BlockSize * n];
        for (var start = 0; start < n; start += BlockSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(n, start + BlockSize);
            for (var k = start; k < end; k++)
            {
                var row = a.AsSpan(k * n, n);
                var pivot = row[k];
                if (!(pivot > 0)) throw new InvalidOperationException($"Matrix is not positive definite (pivot {k} is {pivot}).");
                row[k] = 1;
                Scale(row, 1 / pivot);
                var copy = pivotRows.AsSpan((k - start) * n, n);
                row.CopyTo(copy);
                for (var i = start; i < end; i++)
                {
                    if (i != k) Eliminate(a.AsSpan(i * n, n), copy, k);
                }
            }
            Parallel.For(0, n, i =>
            {
                if (i >= start && i < end) return;
                var target = a.AsSpan(i * n, n);
                for (var k = start; k < end; k++) Eliminate(target, pivotRows.AsSpan((k - start) * n, n), k);
            });
        }
    }

    // One step of the elimination on one row: target -= target[k] × pivot row, with column k starting from 0.
    private static void Eliminate(Span<double> target, ReadOnlySpan<double> pivotRow, int k)
    {
        var factor = target[k];
        if (factor == 0) return;
        target[k] = 0;
        Vectors.SubtractScaled(target, pivotRow, factor);
    }

    private static void Scale(Span<double> row, double factor)
    {
        for (var j = 0; j < row.Length; j++) row[j] *= factor;
    }
}
