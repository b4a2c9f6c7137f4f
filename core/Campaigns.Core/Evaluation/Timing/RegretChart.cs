using System.Globalization;
using System.Text;

namespace Campaigns.Evaluation.Timing;

/// <summary>Draws regret curves as a small self-contained SVG line chart (no library: a few paths and labels).</summary>
public static class RegretChart
{
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"];
    private const int Width = 640, Height = 360, Left = 60, Right = 170, Top = 30, Bottom = 45;

    /// <summary>The chart of <paramref name="curves"/>: round on x, mean regret on y, one line per strategy.</summary>
    public static string Svg(IReadOnlyList<RegretCurve> curves, string title)
    {
        var rounds = curves.Max(c => c.Regret.Count);
        var top = Math.Max(0.05, Math.Ceiling(curves.Max(c => c.Regret.Max()) * 20) / 20);
        double X(int round) => Left + (Width - Left - Right) * (rounds <= 1 ? 0 : (double)round / (rounds - 1));
        double Y(double value) => Top + (Height - Top - Bottom) * (1 - value / top);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n<text x=\"{Left}\" y=\"18\" font-size=\"14\">{Escape(title)}</text>\n");
        for (var i = 0; i <= 5; i++)
        {
            var v = top * i / 5;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(v))}\" y2=\"{F(Y(v))}\" stroke=\"#ddd\"/><text x=\"{Left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\">{v.ToString("0.00", CultureInfo.InvariantCulture)}</text>\n");
        }
        for (var r = 0; r < rounds; r += Math.Max(1, rounds / 10))
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(r))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{r + 1}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\">round (one send per customer per day)</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">mean regret (open probability)</text>\n");
        for (var c = 0; c < curves.Count; c++)
        {
            var colour = Colours[c % Colours.Length];
            var points = string.Join(" ", curves[c].Regret.Select((v, r) => $"{F(X(r))},{F(Y(v))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{points}\"/>\n");
            var y = Top + 10 + c * 18;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Width - Right + 10}\" x2=\"{Width - Right + 30}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{colour}\" stroke-width=\"2\"/><text x=\"{Width - Right + 35}\" y=\"{y + 4}\">{Escape(curves[c].Strategy)}</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
