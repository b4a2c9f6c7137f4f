namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>In-place inverse of a dense symmetric positive definite matrix (row-major n × n).</summary>
internal static class DenseInverse
{
    /// <summary>
    /// Replaces <paramref name="a"/> by its inverse with Gauss-Jordan elimination without pivoting, which is stable for
    /// symmetric positive definite matrices (every pivot is positive). Each step subtracts a multiple of the pivot row
    /// from every other row: contiguous SIMD row operations, rows in parallel.
    /// </summary>
    public static void InvertInPlace(double[] a, int n, CancellationToken cancellationToken)
    {
        var pivotRow = new double[n];
        for (var k = 0; k < n; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = a.AsSpan(k * n, n);
            var pivot = row[k];
            if (!(pivot > 0)) throw new InvalidOperationException($"Matrix is not positive definite (pivot {k} is {pivot}).");
            row[k] = 1;
            Scale(row, 1 / pivot);
            row.CopyTo(pivotRow);
            Parallel.For(0, n, i =>
            {
                if (i == k) return;
                var target = a.AsSpan(i * n, n);
                var factor = target[k];
                if (factor == 0) return;
                target[k] = 0;
                Vectors.SubtractScaled(target, pivotRow, factor);
            });
        }
    }

    private static void Scale(Span<double> row, double factor)
    {
        for (var j = 0; j < row.Length; j++) row[j] *= factor;
    }
}
