namespace Campaigns.Learning.Simulation;

/// <summary>
/// Campaign rounds on a <see cref="SyntheticShop"/> with the production learning classes: customers are placed by
/// <see cref="Assignment"/> (a stable holdout, then the round's shares), the bandit's shares come from
/// <see cref="ThompsonAllocator"/> over every earlier round's sends and conversions, lift from <see cref="Compare"/>.
/// Outcomes use common random numbers: a customer's draw in a round is the same whichever split sent to them, so the
/// curves differ by the split alone.
/// </summary>
public sealed class BanditSimulation(SyntheticShop shop, ThompsonOptions options, double holdoutShare, string experiment = "simulation")
{
    /// <summary>Runs <paramref name="rounds"/> rounds; every customer gets a decision each round.</summary>
    public BanditSimulationResult Run(int rounds, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var variants = shop.Variants;
        var best = shop.BestVariant();
        var customers = shop.CustomerIds;
        var inHoldout = customers.Select(id => Assignment.Unit("holdout:" + experiment, id) < holdoutShare).ToArray();
        var uniform = variants.Select(v => new ArmShare(v, 1.0 / variants.Count)).ToArray();
        var bestOnly = variants.Select((v, i) => new ArmShare(v, i == best ? 1 : 0)).ToArray();
        var index = variants.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
        var trials = new long[variants.Count];
        var successes = new long[variants.Count];
        var allocator = new ThompsonAllocator(options);
        var outcomes = new Random(seed);
        long bandit = 0, bestFixed = 0, even = 0, holdoutN = 0, holdoutConverted = 0, treatedN = 0;
        var trueLiftSum = 0.0;
        var result = new List<SimulatedRound>(rounds);
        for (var r = 0; r < rounds; r++)
        {
            var shares = allocator.Allocate([.. variants.Select((v, i) => new ArmStats(v, trials[i], successes[i]))], new Random(seed + 7919 * (r + 1)));
            var roundExperiment = $"{experiment}:round-{r + 1}";
            for (var c = 0; c < customers.Count; c++)
            {
                var draw = outcomes.NextDouble();
                if (inHoldout[c])
                {
                    holdoutN++;
                    if (draw < shop.Organic(c)) holdoutConverted++;
                    continue;
                }
                var unit = Assignment.Unit(roundExperiment, customers[c]);
                var arm = index[Assignment.Pick(shares, unit)];
                trials[arm]++;
                treatedN++;
                trueLiftSum += shop.Converts(c, arm) - shop.Organic(c);
                if (draw < shop.Converts(c, arm)) { bandit++; successes[arm]++; }
                if (draw < shop.Converts(c, index[Assignment.Pick(bestOnly, unit)])) bestFixed++;
                if (draw < shop.Converts(c, index[Assignment.Pick(uniform, unit)])) even++;
            }
            result.Add(new SimulatedRound(r + 1, bandit, bestFixed, even, shares));
        }
        var trueRates = variants.Select((v, i) => (v, shop.TrueRate(i))).ToDictionary(p => p.v, p => p.Item2, StringComparer.Ordinal);
        trueRates["holdout"] = shop.TrueOrganicRate();
        return new BanditSimulationResult(result, variants[best], trueRates,
            Compare.DifferenceOfProportions(holdoutConverted, holdoutN, bandit, treatedN), treatedN == 0 ? 0 : trueLiftSum / treatedN);
    }
}
