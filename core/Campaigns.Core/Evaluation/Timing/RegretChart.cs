using Campaigns.Charts;

namespace Campaigns.Evaluation.Timing;

/// <summary>Draws regret curves as a <see cref="LineChart"/>.</summary>
public static class RegretChart
{
    /// <summary>The chart of <paramref name="curves"/>: round on x, mean regret on y, one line per strategy.</summary>
    public static string Svg(IReadOnlyList<RegretCurve> curves, string title) =>
        LineChart.Svg(title, "round (one send per customer per day)", "mean regret (open probability)",
            [.. curves.Select(c => new ChartSeries(c.Strategy, c.Regret))]);
}
