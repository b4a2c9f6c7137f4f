using System.Diagnostics;
using System.Globalization;
using Campaigns.Host.Bench;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>generate --customers N --items N --events-per-customer N --seed S --output FILE</c>: writes a synthetic purchase
/// history in the generic interactions format that <c>import</c>, <c>evaluate</c> and <c>bench recommend</c> read
/// (see <see cref="InteractionGenerator"/> for its shape). Deterministic per seed; streams, so any size fits in memory.
/// </summary>
internal sealed class GenerateVerb : ICliVerb
{
    private const long MaxEvents = 1_000_000_000;

    public string Name => "generate";
    public string Usage => "generate --output FILE.csv[.gz] [--customers 1000000] [--items 100000] [--events-per-customer 20] [--seed 42] [--categories N] [--end DATE]   synthetic interactions";

    public Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        GeneratorSettings settings;
        string output;
        try
        {
            (settings, output) = Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("usage: " + Usage);
            return Task.FromResult(2);
        }

        var started = Stopwatch.StartNew();
        long events;
        try
        {
            using var stream = InteractionGenerator.Create(output);
            events = InteractionGenerator.Write(settings, stream, done => Console.Error.Write($"\rgenerated {done:N0} / {settings.Customers:N0} customers"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{output}: cannot write: {ex.Message}");
            return Task.FromResult(2);
        }
        if (settings.Customers >= 100_000) Console.Error.WriteLine();
        Console.WriteLine($"{output}: {settings.Customers:N0} customers, {settings.Items:N0} items in {settings.CategoryCount:N0} categories, " +
                          $"{events:N0} events, seed {settings.Seed}, {new FileInfo(output).Length / 1048576.0:N1} MiB in {started.Elapsed.TotalSeconds:0.0}s");
        return Task.FromResult(0);
    }

    private static (GeneratorSettings, string) Parse(string[] args)
    {
        var cli = new CliArgs(args, new HashSet<string>());
        if (cli.Positional.Count > 0) throw new ArgumentException($"unexpected argument '{cli.Positional[0]}'");
        var output = cli.Get("output") ?? throw new ArgumentException("--output FILE is required");
        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is not null && !Directory.Exists(folder)) throw new ArgumentException($"--output: the folder {folder} does not exist");
        var customers = cli.Int("customers", 1_000_000);
        if (customers < 2) throw new ArgumentException($"--customers must be at least 2, got {customers}");
        var items = cli.Int("items", 100_000);
        if (items < 2) throw new ArgumentException($"--items must be at least 2, got {items}");
        var events = cli.Int("events-per-customer", 20);
        if (events is < 1 or > 10_000) throw new ArgumentException($"--events-per-customer must be between 1 and 10000, got {events}");
        var categories = cli.Int("categories", 0);
        if (categories < 0 || categories > items) throw new ArgumentException($"--categories must be between 1 and --items ({items}), got {categories}");
        var end = GeneratorSettings.DefaultEnd;
        if (cli.Get("end") is { } text && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out end))
            throw new ArgumentException($"--end must be a date or ISO 8601 instant, got '{text}'");
        // The readers index events with ints: stay well below 2^31 so skew cannot overflow them.
        if ((long)customers * events > MaxEvents)
            throw new ArgumentException($"--customers × --events-per-customer is {(long)customers * events:N0}; at most {MaxEvents:N0} events are supported");
        return (new GeneratorSettings(customers, items, events, cli.Int("seed", 42), categories, end.ToUniversalTime()), output);
    }
}
