using System.Globalization;
using Campaigns.Evaluation;
using Campaigns.Evaluation.Timing;
using Campaigns.Planning;
using Campaigns.Stages;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>evaluate-timing --input FILE --split-at DATE [--min-history 3] [--json]</c>: predicts the local hour of every
/// future moment of activity with each loaded send-time stage (the plugins' own, by key) and two baselines, and prints
/// exact-hour and ±1 h hit rates side by side. Scripts depend on this command line: keep it stable.
/// </summary>
internal sealed class EvaluateTimingVerb : ICliVerb
{
    public string Name => "evaluate-timing";
    public string Usage => "evaluate-timing --input FILE --split-at DATE [--min-history 3] [--json]   offline send-time hit rates";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        (string Input, DateTimeOffset SplitAt, int MinHistory, bool Json) request;
        try
        {
            request = Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }

        try
        {
            var data = await TimingData.LoadAsync(request.Input, services.GetRequiredService<TimeProvider>(), CancellationToken.None);
            foreach (var error in data.Import.Errors) Console.Error.WriteLine($"{request.Input}:{error.Line}: {error.Message}");
            if (data.Import.BadRows > data.Import.Errors.Count) Console.Error.WriteLine($"... and {data.Import.BadRows - data.Import.Errors.Count:N0} more bad rows");
            Console.Error.WriteLine($"{request.Input}: {data.Import.Format}, {data.Events.Count:N0} events; split at {request.SplitAt:u}, min-history {request.MinHistory}");

            var registry = services.GetRequiredService<StageRegistry>();
            var folder = Path.Combine(services.GetRequiredService<CampaignsPaths>().DataFolder, "evaluation");
            var evaluator = new TimingEvaluator(registry, services.GetRequiredService<ILoggerFactory>(), folder);
            var strategies = TimingEvaluator.Keys(registry).Select(key => new AlgorithmChoice(key)).ToList();
            var results = await evaluator.RunAsync(data, request.SplitAt, request.MinHistory, strategies, CancellationToken.None);
            if (request.Json) TimingOutput.WriteJson(Console.Out, results);
            else TimingOutput.WriteTable(Console.Out, results);
            return 0;
        }
        catch (Exception ex) when (ex is EvaluationException or FileNotFoundException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine($"{request.Input}: {ex.Message}");
            return 2;
        }
    }

    private static (string, DateTimeOffset, int, bool) Parse(string[] args)
    {
        var cli = new CliArgs(args, new HashSet<string> { "json" });
        if (cli.Positional.Count > 0) throw new ArgumentException($"unexpected argument '{cli.Positional[0]}'");
        var unknown = cli.Names.Except(["input", "split-at", "min-history", "json"]).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"unknown option --{unknown[0]}");
        var input = cli.Get("input") ?? throw new ArgumentException("--input FILE is required");
        var at = cli.Get("split-at") ?? throw new ArgumentException("--split-at DATE is required");
        if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var splitAt))
            throw new ArgumentException($"--split-at must be a date or ISO 8601 instant, got '{at}'");
        var minHistory = cli.Int("min-history", 3);
        if (minHistory < 1) throw new ArgumentException($"--min-history must be at least 1, got {minHistory}");
        return (input, splitAt.ToUniversalTime(), minHistory, cli.Flag("json"));
    }
}
