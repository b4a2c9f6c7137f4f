using System.Text;
using MathNet.Numerics.Distributions;

namespace Campaigns.Plugins.Timing.Bayes;

/// <summary>
/// Thompson sampling over the candidate slots of one decision: draw θ from the customer's Dirichlet posterior and take
/// the candidate whose slot drew most. Only the candidates' slots are drawn: the argmax of Dirichlet components is the
/// argmax of the independent Gamma(c(s), 1) draws behind them, so the other slots never need drawing.
/// </summary>
internal static class Thompson
{
    /// <summary>
    /// The chosen candidate and the probability that Thompson sampling chooses it, estimated from
    /// <paramref name="draws"/> further draws. Everything comes from one generator seeded by
    /// <paramref name="seedKey"/>, so the same seed, customer and occurrence give the same decision.
    /// </summary>
    public static (int Chosen, double Probability) Choose(IReadOnlyList<double> shapes, int draws, string seedKey)
    {
        var random = new Random(StableSeed(seedKey));
        var chosen = Draw(shapes, random);
        var wins = 0;
        for (var d = 0; d < draws; d++) if (Draw(shapes, random) == chosen) wins++;
        return (chosen, draws == 0 ? 1 : (double)wins / draws);
    }

    /// <summary>One Thompson draw: the index of the largest Gamma(shape, 1) sample (ties: the first).</summary>
    private static int Draw(IReadOnlyList<double> shapes, Random random)
    {
        var best = 0;
        var bestValue = double.NegativeInfinity;
        for (var i = 0; i < shapes.Count; i++)
        {
            var value = Gamma.Sample(random, shapes[i], 1.0);
            if (value > bestValue) (best, bestValue) = (i, value);
        }
        return best;
    }

    /// <summary>FNV-1a over the key's UTF-8 bytes: stable across processes and runtimes, unlike string.GetHashCode.</summary>
    private static int StableSeed(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(key)) hash = (hash ^ b) * 1099511628211UL;
        return (int)(hash ^ (hash >> 32));
    }
}
