using System.Globalization;
using Campaigns.Evaluation;
using Campaigns.Evaluation.Timing;
using Campaigns.Planning;
using Campaigns.Stages;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>simulate-timing [--customers 500] [--rounds 30] [--seed 42] [--svg FILE]</c>: daily sends to synthetic customers
/// with known habits, opens fed back; prints each round's mean regret per strategy and optionally draws the chart.
/// </summary>
internal sealed class SimulateTimingVerb : ICliVerb
{
    private static readonly SimulatedStrategy[] Strategies =
    [
        new("bayes thompson", "bayes-hour-of-week", """{"exploration":"thompson"}"""),
        new("bayes posterior mean", "bayes-hour-of-week", """{"exploration":"off"}"""),
        new("fixed 10:00", "fixed-local-time", """{"windowMinutes":60}"""),
    ];

    public string Name => "simulate-timing";
    public string Usage => "simulate-timing [--customers 500] [--rounds 30] [--seed 42] [--svg FILE]   regret of send-time exploration vs the oracle";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        int customers, rounds, seed;
        string? svg;
        try
        {
            var cli = new CliArgs(args, new HashSet<string>());
            if (cli.Positional.Count > 0) throw new ArgumentException($"unexpected argument '{cli.Positional[0]}'");
            (customers, rounds, seed, svg) = (cli.Int("customers", 500), cli.Int("rounds", 30), cli.Int("seed", 42), cli.Get("svg"));
            if (customers < 2) throw new ArgumentException($"--customers must be at least 2, got {customers}");
            if (rounds < 1) throw new ArgumentException($"--rounds must be at least 1, got {rounds}");
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }

        try
        {
            var folder = Path.Combine(services.GetRequiredService<CampaignsPaths>().DataFolder, "evaluation");
            var simulation = new TimingSimulation(services.GetRequiredService<StageRegistry>(), services.GetRequiredService<ILoggerFactory>(), folder);
            var curves = await simulation.RunAsync(customers, rounds, seed, Strategies, CancellationToken.None);
            Console.WriteLine("round," + string.Join(",", curves.Select(c => c.Strategy)));
            for (var r = 0; r < rounds; r++)
                Console.WriteLine((r + 1).ToString(CultureInfo.InvariantCulture) + "," + string.Join(",", curves.Select(c => c.Regret[r].ToString("0.0000", CultureInfo.InvariantCulture))));
            if (svg is not null)
            {
                await File.WriteAllTextAsync(svg, RegretChart.Svg(curves, $"Send-time regret vs the oracle, {customers} synthetic customers (seed {seed})"));
                Console.Error.WriteLine($"chart written to {svg}");
            }
            return 0;
        }
        catch (EvaluationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
    }
}
