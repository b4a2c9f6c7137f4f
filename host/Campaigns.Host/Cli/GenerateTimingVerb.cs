using Campaigns.Evaluation.Timing;

namespace Campaigns.Host.Cli;

/// <summary><c>generate-timing --output FILE [--customers 2000] [--seed 42]</c>: writes synthetic consumer-style activity with planted habits.</summary>
internal sealed class GenerateTimingVerb : ICliVerb
{
    public string Name => "generate-timing";
    public string Usage => "generate-timing --output FILE [--customers 2000] [--seed 42]   synthetic activity with known preferred hours (generic CSV)";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string output;
        int customers, seed;
        try
        {
            var cli = new CliArgs(args, new HashSet<string>());
            if (cli.Positional.Count > 0) throw new ArgumentException($"unexpected argument '{cli.Positional[0]}'");
            output = cli.Get("output") ?? throw new ArgumentException("--output FILE is required");
            customers = cli.Int("customers", 2000);
            seed = cli.Int("seed", 42);
            if (customers < 2) throw new ArgumentException($"--customers must be at least 2, got {customers}");
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }
        await using (var writer = new StreamWriter(output))
            new SyntheticHabits(customers, seed).WriteCsv(writer);
        Console.Error.WriteLine($"{output}: {customers} customers; evaluate with --split-at {SyntheticHabits.SplitAt:yyyy-MM-dd}");
        return 0;
    }
}
