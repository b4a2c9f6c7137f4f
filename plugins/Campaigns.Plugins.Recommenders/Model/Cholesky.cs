namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>Solves a small dense symmetric positive definite system in place.</summary>
internal static class Cholesky
{
    /// <summary>Solves a·x = b for x (into <paramref name="b"/>); <paramref name="a"/> (row-major n × n) is overwritten by its factor.</summary>
    /// <exception cref="InvalidOperationException">The matrix is not positive definite.</exception>
    public static void Solve(double[] a, double[] b, int n)
    {
        // a = L·Lᵀ, L in the lower triangle.
        for (var j = 0; j < n; j++)
        {
            var diagonal = a[j * n + j];
            for (var k = 0; k < j; k++) diagonal -= a[j * n + k] * a[j * n + k];
            if (!(diagonal > 0)) throw new InvalidOperationException($"Matrix is not positive definite (pivot {j} is {diagonal}).");
            var l = Math.Sqrt(diagonal);
            a[j * n + j] = l;
            for (var i = j + 1; i < n; i++)
            {
                var sum = a[i * n + j];
                for (var k = 0; k < j; k++) sum -= a[i * n + k] * a[j * n + k];
                a[i * n + j] = sum / l;
            }
        }
        // L·z = b, then Lᵀ·x = z.
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++) sum -= a[i * n + k] * b[k];
            b[i] = sum / a[i * n + i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (var k = i + 1; k < n; k++) sum -= a[k * n + i] * b[k];
            b[i] = sum / a[i * n + i];
        }
    }
}
