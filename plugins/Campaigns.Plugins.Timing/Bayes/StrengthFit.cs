namespace Campaigns.Plugins.Timing.Bayes;

/// <summary>Finds the prior strength that scores best on held-out data, over a log-spaced grid.</summary>
internal static class StrengthFit
{
    /// <summary>Smallest strength considered: almost no pooling.</summary>
    public const double Min = 0.01;

    /// <summary>Largest strength considered: the population decides for anyone with fewer than ~100,000 moments.</summary>
    public const double Max = 100_000;

    /// <summary>Grid points per factor of 10.</summary>
    private const int PerDecade = 8;

    /// <summary>
    /// The largest strength in [<see cref="Min"/>, <see cref="Max"/>] (57 log-spaced values) whose held-out hit rate
    /// is within one standard error of the best one (the one-standard-error rule of model selection). A hit rate is a
    /// step function, so a grid, not a line search; and a personal model must beat the population's pattern by more
    /// than noise before it is trusted, which is what keeps it from falling below the population on data whose
    /// personal habits are weak.
    /// </summary>
    /// <param name="hitRate">The held-out hit rate and the number of held-out moments behind it, for a strength.</param>
    public static double Maximise(Func<double, (double Rate, double Moments)> hitRate)
    {
        var steps = (int)Math.Round(Math.Log10(Max / Min) * PerDecade);
        var grid = Enumerable.Range(0, steps + 1).Select(i => Min * Math.Pow(10, (double)i / PerDecade)).ToArray();
        var scores = grid.Select(hitRate).ToArray();
        var best = scores.MaxBy(s => s.Rate);
        var tolerance = best.Moments > 0 ? Math.Sqrt(best.Rate * (1 - best.Rate) / best.Moments) : 0;
        for (var i = grid.Length - 1; i >= 0; i--)
            if (scores[i].Rate >= best.Rate - tolerance) return grid[i];
        return Max;
    }
}
