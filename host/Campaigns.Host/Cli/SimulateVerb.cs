using System.Globalization;
using Campaigns.Charts;
using Campaigns.Learning;
using Campaigns.Learning.Simulation;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>simulate</c>: the learning loop on synthetic customers with hidden preferences, with the production allocation,
/// assignment and statistics classes. Prints the bandit against the best fixed variant and an even split, an A/A test
/// and the lift interval's coverage; writes the charts and the per-round figures to <c>--out</c>.
/// </summary>
internal sealed class SimulateVerb : ICliVerb
{
    public string Name => "simulate";
    public string Usage => "simulate [--customers 10000] [--rounds 30] [--variants a,b,c] [--seed 42] [--holdout 0.1] [--repetitions 1000] [--out FOLDER]   the bandit, an A/A test and lift coverage on synthetic customers";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        Settings settings;
        try
        {
            settings = Settings.Parse(new CliArgs(args, new HashSet<string>()));
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }

        var s = settings;
        var shop = new SyntheticShop(s.Customers, s.Variants, s.Seed);
        var bandit = new BanditSimulation(shop, new ThompsonOptions(), s.Holdout).Run(s.Rounds, s.Seed);
        var runner = new RepeatedExperimentRunner(shop);
        var best = s.Variants.IndexOf(bandit.BestVariant);
        var aa = runner.AaTest(s.Repetitions, best, s.Seed);
        var coverage = runner.LiftCoverage(s.Repetitions, best, Math.Max(s.Holdout, 0.2), s.Seed);

        var last = bandit.Rounds[^1];
        Console.WriteLine($"simulate: {s.Customers:N0} customers, {s.Rounds} rounds, variants {string.Join(",", s.Variants)}, holdout {Pct(s.Holdout)}, seed {s.Seed}");
        Console.WriteLine("true conversion rates: " + string.Join(", ", bandit.TrueRates.Select(kv => $"{kv.Key} {Pct(kv.Value)}")) + $" (best fixed: {bandit.BestVariant})");
        Console.WriteLine($"cumulative conversions after {s.Rounds} rounds: bandit {last.Bandit:N0} ({Pct((double)last.Bandit / last.BestFixed)} of best fixed), best fixed {last.BestFixed:N0}, uniform {last.Uniform:N0} ({Pct((double)last.Uniform / last.BestFixed)})");
        Console.WriteLine("bandit's last shares: " + string.Join(", ", last.Shares.Select(a => $"{a.Arm} {Pct(a.Share)}")));
        var lift = bandit.MeasuredLift;
        Console.WriteLine($"bandit lift vs holdout over all rounds: {Pts(lift.Estimate)} [{Pts(lift.Low)}, {Pts(lift.High)}], true {Pts(bandit.TrueLift)}: {(lift.Contains(bandit.TrueLift) ? "inside" : "outside")} the interval");
        Console.WriteLine($"A/A test, {aa.Repetitions:N0} repetitions of two copies of {bandit.BestVariant}: no significant difference in {Pct(aa.Rate)} (expected about 95%)");
        Console.WriteLine($"lift coverage, {coverage.Repetitions:N0} repetitions of {bandit.BestVariant} vs a {Pct(Math.Max(s.Holdout, 0.2))} holdout: the 95% interval held the true lift {Pts(coverage.TrueValue)} in {Pct(coverage.Rate)} (mean measured {Pts(coverage.MeanMeasured)})");

        if (s.Out is not null)
        {
            Directory.CreateDirectory(s.Out);
            var rounds = bandit.Rounds;
            await File.WriteAllTextAsync(Path.Combine(s.Out, "simulation-bandit.svg"), LineChart.Svg(
                $"Cumulative conversions, {s.Customers:N0} synthetic customers (seed {s.Seed})", "round", "conversions",
                [new ChartSeries("bandit (Thompson)", [.. rounds.Select(r => (double)r.Bandit)]),
                 new ChartSeries($"best fixed ({bandit.BestVariant})", [.. rounds.Select(r => (double)r.BestFixed)]),
                 new ChartSeries("uniform split", [.. rounds.Select(r => (double)r.Uniform)])], yFormat: "N0"));
            await File.WriteAllTextAsync(Path.Combine(s.Out, "simulation-shares.svg"), LineChart.Svg(
                "The bandit's share of traffic per variant", "round", "share",
                [.. s.Variants.Select(v => new ChartSeries(v, [.. rounds.Select(r => r.Shares.Single(a => a.Arm == v).Share)]))]));
            await File.WriteAllLinesAsync(Path.Combine(s.Out, "simulation-rounds.csv"),
                ["round,bandit,best_fixed,uniform," + string.Join(",", s.Variants.Select(v => "share_" + v)),
                 .. rounds.Select(r => string.Join(",", [r.Round.ToString(CultureInfo.InvariantCulture), r.Bandit.ToString(CultureInfo.InvariantCulture),
                     r.BestFixed.ToString(CultureInfo.InvariantCulture), r.Uniform.ToString(CultureInfo.InvariantCulture),
                     .. r.Shares.Select(a => a.Share.ToString("0.0000", CultureInfo.InvariantCulture))]))]);
            Console.WriteLine($"charts and per-round figures written to {s.Out}");
        }
        return 0;
    }

    private static string Pct(double rate) => (rate * 100).ToString("0.0#", CultureInfo.InvariantCulture) + "%";

    private static string Pts(double difference) => (difference >= 0 ? "+" : "") + (difference * 100).ToString("0.00", CultureInfo.InvariantCulture) + " pts";

    private sealed record Settings(int Customers, int Rounds, List<string> Variants, int Seed, double Holdout, int Repetitions, string? Out)
    {
        public static Settings Parse(CliArgs cli)
        {
            if (cli.Positional.Count > 0) throw new ArgumentException($"unexpected argument '{cli.Positional[0]}'");
            var variants = (cli.Get("variants") ?? "a,b,c").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            if (variants.Count < 2 || variants.Distinct(StringComparer.Ordinal).Count() != variants.Count)
                throw new ArgumentException("--variants needs at least two different names, for example a,b,c");
            var holdoutText = cli.Get("holdout") ?? "0.1";
            if (!double.TryParse(holdoutText, NumberStyles.Float, CultureInfo.InvariantCulture, out var holdout) || holdout is <= 0 or >= 0.5)
                throw new ArgumentException($"--holdout must be a share above 0 and below 0.5, got '{holdoutText}'");
            var settings = new Settings(cli.Int("customers", 10_000), cli.Int("rounds", 30), variants, cli.Int("seed", 42), holdout, cli.Int("repetitions", 1_000), cli.Get("out"));
            if (settings.Customers < 100) throw new ArgumentException($"--customers must be at least 100, got {settings.Customers}");
            if (settings.Rounds < 1) throw new ArgumentException($"--rounds must be at least 1, got {settings.Rounds}");
            if (settings.Repetitions < 1) throw new ArgumentException($"--repetitions must be at least 1, got {settings.Repetitions}");
            return settings;
        }
    }
}
