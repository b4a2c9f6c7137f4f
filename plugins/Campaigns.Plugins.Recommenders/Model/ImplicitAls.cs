namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>
/// Fits implicit-feedback matrix factorisation by alternating least squares: each side is solved exactly while the
/// other is held, using the Gram-matrix trick so a customer costs factors² per purchase, not per item.
/// </summary>
internal static class ImplicitAls
{
    /// <summary>Customer and item profiles, row-major (rows × factors), of the binary matrix <paramref name="customerItems"/>.</summary>
    public static (double[] Customers, double[] Items) Fit(SparseMatrix customerItems, IalsOptions options, CancellationToken cancellationToken)
    {
        var f = options.Factors;
        var itemCustomers = customerItems.Transpose();
        var random = new Random(options.Seed);
        // Small random start: zero would be a fixed point, large values slow the first rounds down.
        var users = new double[customerItems.Rows * f];
        var items = new double[itemCustomers.Rows * f];
        for (var k = 0; k < items.Length; k++) items[k] = (random.NextDouble() - 0.5) * 0.02;
        for (var round = 0; round < options.Iterations; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Solve(customerItems, items, users, options, cancellationToken);
            Solve(itemCustomers, users, items, options, cancellationToken);
        }
        return (users, items);
    }

    /// <summary>
    /// Customer profiles from fixed item profiles (one least-squares half-step, the "fold-in"): how a stored model
    /// serves customers, including those who bought since it was trained, without fitting the items again.
    /// </summary>
    public static double[] FoldIn(SparseMatrix customerItems, double[] items, IalsOptions options, CancellationToken cancellationToken)
    {
        var users = new double[customerItems.Rows * options.Factors];
        Solve(customerItems, items, users, options, cancellationToken);
        return users;
    }

    /// <summary>
    /// For every row r of <paramref name="rows"/>: x_r = (YᵀY + λI + α Σ_{i∈r} y_i y_iᵀ)⁻¹ (1 + α) Σ_{i∈r} y_i,
    /// where Y is <paramref name="fixedSide"/>; the result goes to <paramref name="solved"/>.
    /// </summary>
    private static void Solve(SparseMatrix rows, double[] fixedSide, double[] solved, IalsOptions options, CancellationToken cancellationToken)
    {
        var f = options.Factors;
        var gram = Gram(fixedSide, f);
        for (var d = 0; d < f; d++) gram[d * f + d] += options.Regularization;
        Parallel.For(0, rows.Rows, new ParallelOptions { CancellationToken = cancellationToken }, () => (new double[f * f], new double[f]), (r, _, scratch) =>
        {
            var (a, b) = scratch;
            gram.CopyTo(a, 0);
            Array.Clear(b);
            foreach (var i in rows.RowIndexes(r))
            {
                var y = fixedSide.AsSpan(i * f, f);
                for (var p = 0; p < f; p++)
                    Vectors.SubtractScaled(a.AsSpan(p * f, f), y, -options.Alpha * y[p]);
                Vectors.SubtractScaled(b, y, -(1 + options.Alpha));
            }
            Cholesky.Solve(a, b, f);
            b.CopyTo(solved.AsSpan(r * f, f));
            return scratch;
        }, _ => { });
    }

    /// <summary>YᵀY (factors × factors) of the row-major <paramref name="y"/>.</summary>
    private static double[] Gram(double[] y, int f)
    {
        var gram = new double[f * f];
        for (var start = 0; start < y.Length; start += f)
        {
            var row = y.AsSpan(start, f);
            for (var p = 0; p < f; p++) Vectors.SubtractScaled(gram.AsSpan(p * f, f), row, -row[p]);
        }
        return gram;
    }
}
