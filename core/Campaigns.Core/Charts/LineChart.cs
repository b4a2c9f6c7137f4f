using System.Globalization;
using System.Text;

namespace Campaigns.Charts;

/// <summary>One line of a <see cref="LineChart"/>, with an optional band (a confidence interval) around it.</summary>
/// <param name="Name">The legend text.</param>
/// <param name="Values">One value per x position.</param>
/// <param name="Low">The band's lower edge per x position, if any.</param>
/// <param name="High">The band's upper edge per x position, if any.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values, IReadOnlyList<double>? Low = null, IReadOnlyList<double>? High = null);

/// <summary>
/// A small self-contained SVG line chart: lines, shaded bands, a legend and axis labels. Hand-written because a chart
/// package would be the host's largest dependency for a few paths and labels.
/// </summary>
public static class LineChart
{
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];
    private const int Width = 640, Height = 360, Left = 60, Right = 170, Top = 30, Bottom = 45;

    /// <summary>The chart: x positions labelled by <paramref name="xLabels"/> (1, 2, … when null), y from 0 (or the lowest band) up.</summary>
    public static string Svg(string title, string xAxis, string yAxis, IReadOnlyList<ChartSeries> series, IReadOnlyList<string>? xLabels = null, string yFormat = "0.00")
    {
        ArgumentNullException.ThrowIfNull(series);
        var points = Math.Max(1, series.Count == 0 ? 1 : series.Max(s => s.Values.Count));
        var all = series.SelectMany(s => s.Values.Concat(s.High ?? []).Concat(s.Low ?? [])).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var bottom = Math.Min(0, all.Min());
        // Gridlines at a round step (1, 2 or 5 times a power of ten), the top at the first one above the data.
        var step = Nice(Math.Max(all.Max() - bottom, 1e-9) / 5);
        var lines = Math.Max(1, (int)Math.Ceiling((all.Max() - bottom) / step - 1e-9));
        var top = bottom + step * lines;
        double X(int i) => Left + (Width - Left - Right) * (points <= 1 ? 0 : (double)i / (points - 1));
        double Y(double v) => Top + (Height - Top - Bottom) * (1 - (Math.Clamp(v, bottom, top) - bottom) / (top - bottom));
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n<text x=\"{Left}\" y=\"18\" font-size=\"14\">{Escape(title)}</text>\n");
        for (var i = 0; i <= lines; i++)
        {
            var v = bottom + step * i;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(v))}\" y2=\"{F(Y(v))}\" stroke=\"#ddd\"/><text x=\"{Left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\">{v.ToString(yFormat, CultureInfo.InvariantCulture)}</text>\n");
        }
        for (var i = 0; i < points; i += Math.Max(1, points / 8))
        {
            var label = xLabels is not null && i < xLabels.Count ? xLabels[i] : (i + 1).ToString(CultureInfo.InvariantCulture);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Escape(label)}</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\">{Escape(xAxis)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(yAxis)}</text>\n");
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Colours[s % Colours.Length];
            var line = series[s];
            if (line.Low is { Count: > 0 } low && line.High is { Count: > 0 } high)
            {
                var upper = high.Select((v, i) => $"{F(X(i))},{F(Y(v))}");
                var lower = low.Select((v, i) => $"{F(X(i))},{F(Y(v))}").Reverse();
                svg.Append(CultureInfo.InvariantCulture, $"<polygon fill=\"{colour}\" fill-opacity=\"0.15\" stroke=\"none\" points=\"{string.Join(" ", upper.Concat(lower))}\"/>\n");
            }
            var path = string.Join(" ", line.Values.Select((v, i) => $"{F(X(i))},{F(Y(v))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{path}\"/>\n");
            var y = Top + 10 + s * 18;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Width - Right + 10}\" x2=\"{Width - Right + 30}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{colour}\" stroke-width=\"2\"/><text x=\"{Width - Right + 35}\" y=\"{y + 4}\">{Escape(line.Name)}</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static double Nice(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
