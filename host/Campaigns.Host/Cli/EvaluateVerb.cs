using System.Globalization;
using System.Text.Json;
using Campaigns.Evaluation;
using Campaigns.Planning;
using Campaigns.Stages;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>evaluate --input FILE ...</c>: splits an interactions file (Online Retail or generic) into training and test
/// data, runs the chosen recommender stages (the plugins' own, by key) on the training half and prints standard top-k
/// metrics per algorithm, as a table or as one JSON object per line. Scripts depend on this command line: keep it stable.
/// </summary>
internal sealed class EvaluateVerb : ICliVerb
{
    public string Name => "evaluate";
    public string Usage => "evaluate --input FILE [--split stratified-item|stratified-user|temporal] [--ratio 0.75] [--seed 42] [--split-at DATE] " +
                           "[--k 10] [--remove-seen true|false] [--algorithms a,b,...] [--options key={json}]... [--json] [--validation]   offline recommender metrics";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        EvaluationRequest request;
        try
        {
            request = Parse(args, services.GetRequiredService<StageRegistry>());
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }

        var time = services.GetRequiredService<TimeProvider>();
        try
        {
            var data = await InteractionSet.LoadAsync(request.Input, time, CancellationToken.None);
            foreach (var error in data.Import.Errors) Console.Error.WriteLine($"{request.Input}:{error.Line}: {error.Message}");
            if (data.Import.BadRows > data.Import.Errors.Count) Console.Error.WriteLine($"... and {data.Import.BadRows - data.Import.Errors.Count:N0} more bad rows");
            Console.Error.WriteLine($"{request.Input}: {data.Import.Format}, {data.Events.Count:N0} interactions; split {Describe(request.Settings)}, k={request.Settings.K}, remove-seen {request.Settings.RemoveSeen.ToString().ToLowerInvariant()}{(request.Settings.Validation ? "; validation: the training half split again, the test half not read" : "")}");

            var folder = Path.Combine(services.GetRequiredService<CampaignsPaths>().DataFolder, "evaluation");
            var evaluator = new OfflineEvaluator(services.GetRequiredService<StageRegistry>(), services.GetRequiredService<ILoggerFactory>(), folder);
            var results = await evaluator.RunAsync(data, request.Settings, request.Algorithms, CancellationToken.None);
            if (request.Json) EvaluationOutput.WriteJson(Console.Out, results);
            else EvaluationOutput.WriteTable(Console.Out, results);
            return 0;
        }
        catch (Exception ex) when (ex is EvaluationException or FileNotFoundException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine($"{request.Input}: {ex.Message}");
            return 2;
        }
    }

    private static EvaluationRequest Parse(string[] args, StageRegistry registry)
    {
        var (rest, options) = ExtractOptions(args);
        var cli = new CliArgs(rest, new HashSet<string> { "json", "validation" });
        if (cli.Positional.Count > 0) throw new ArgumentException($"unexpected argument '{cli.Positional[0]}'");
        var input = cli.Get("input") ?? throw new ArgumentException("--input FILE is required");

        DateTimeOffset? splitAt = cli.Get("split-at") is { } at
            ? DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.ToUniversalTime()
                : throw new ArgumentException($"--split-at must be a date or ISO 8601 instant, got '{at}'")
            : null;
        var kind = (cli.Get("split") ?? (splitAt is null ? "stratified-item" : "temporal")) switch
        {
            "stratified-item" => SplitKind.StratifiedItem,
            "stratified-user" => SplitKind.StratifiedUser,
            "temporal" => SplitKind.Temporal,
            var other => throw new ArgumentException($"--split must be stratified-item, stratified-user or temporal, got '{other}'"),
        };
        if (kind == SplitKind.Temporal && splitAt is null) throw new ArgumentException("--split temporal needs --split-at DATE");
        if (kind == SplitKind.Temporal && cli.Flag("validation")) throw new ArgumentException(OfflineEvaluator.ValidationNeedsStratified);
        var ratioText = cli.Get("ratio") ?? "0.75";
        if (!double.TryParse(ratioText, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) || ratio is <= 0 or >= 1)
            throw new ArgumentException($"--ratio must be a number between 0 and 1, got '{ratioText}'");
        var k = cli.Int("k", 10);
        if (k < 1) throw new ArgumentException($"--k must be at least 1, got {k}");
        var removeSeen = (cli.Get("remove-seen") ?? "true") switch
        {
            "true" => true,
            "false" => false,
            var other => throw new ArgumentException($"--remove-seen must be true or false, got '{other}'"),
        };

        var keys = cli.Get("algorithms") is { } list
            ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [.. registry.All.Where(s => s.Kind == StageKind.Recommender).Select(s => s.Key)];
        var unused = options.Keys.Except(keys, StringComparer.Ordinal).ToList();
        if (unused.Count > 0) throw new ArgumentException($"--options for {string.Join(", ", unused)}, which is not among the algorithms evaluated");
        var algorithms = keys.Select(key => new AlgorithmChoice(key, options.TryGetValue(key, out var o) ? o : null)).ToList();
        var settings = new EvaluationSettings(new SplitSpec(kind, ratio, cli.Int("seed", 42), splitAt), k, removeSeen) { Validation = cli.Flag("validation") };
        return new EvaluationRequest(input, settings, algorithms, cli.Flag("json"));
    }

    /// <summary>Takes out the repeatable <c>--options key={json}</c> (or <c>--options=key={json}</c>), which CliArgs would keep only once.</summary>
    internal static (string[] Remaining, Dictionary<string, JsonElement> Options) ExtractOptions(string[] args)
    {
        var rest = new List<string>();
        var options = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            string value;
            if (args[i] == "--options") value = i + 1 < args.Length ? args[++i] : throw new ArgumentException("option --options needs a value");
            else if (args[i].StartsWith("--options=", StringComparison.Ordinal)) value = args[i]["--options=".Length..];
            else { rest.Add(args[i]); continue; }

            var eq = value.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"--options must be key={{json}}, got '{value}'");
            try
            {
                options[value[..eq]] = JsonDocument.Parse(value[(eq + 1)..]).RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new ArgumentException($"--options {value[..eq]}: not valid JSON: {ex.Message}");
            }
        }
        return ([.. rest], options);
    }

    private static string Describe(EvaluationSettings settings) => settings.Split.Kind switch
    {
        SplitKind.Temporal => $"temporal at {settings.Split.SplitAt:u}",
        var kind => $"{(kind == SplitKind.StratifiedItem ? "stratified-item" : "stratified-user")} ratio {settings.Split.Ratio.ToString(CultureInfo.InvariantCulture)} seed {settings.Split.Seed}",
    };

    private sealed record EvaluationRequest(string Input, EvaluationSettings Settings, IReadOnlyList<AlgorithmChoice> Algorithms, bool Json);
}
