using System.Text;

namespace Campaigns.Plugins.Timing.Bayes;

/// <summary>
/// Thompson sampling over the candidate slots of one decision: draw θ from the customer's posterior and take the
/// candidate whose slot drew most.
/// </summary>
internal static class Thompson
{
    /// <summary>
    /// The chosen candidate and the probability that Thompson sampling chooses it, estimated from
    /// <paramref name="draws"/> further draws. Everything comes from one generator seeded by
    /// <paramref name="seedKey"/>, so the same seed, customer and occurrence give the same decision.
    /// </summary>
    /// <param name="draw">One posterior draw: a value per candidate, comparable across candidates.</param>
    /// <param name="draws">Draws for the probability estimate.</param>
    /// <param name="seedKey">What the generator is seeded with.</param>
    public static (int Chosen, double Probability) Choose(Func<Random, double[]> draw, int draws, string seedKey)
    {
        var random = new Random(StableSeed(seedKey));
        var chosen = ArgMax(draw(random));
        var wins = 0;
        for (var d = 0; d < draws; d++) if (ArgMax(draw(random)) == chosen) wins++;
        return (chosen, draws == 0 ? 1 : (double)wins / draws);
    }

    /// <summary>A Gamma(shape, 1) draw; a vanishing shape draws 0 (the slot cannot win).</summary>
    public static double Gamma(double shape, Random random) =>
        shape < 1e-12 ? 0 : MathNet.Numerics.Distributions.Gamma.Sample(random, shape, 1.0);

    private static int ArgMax(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
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
