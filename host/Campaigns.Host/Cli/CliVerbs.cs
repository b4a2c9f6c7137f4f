namespace Campaigns.Host.Cli;

/// <summary>A command-line verb of the host: does one thing and returns an exit code.</summary>
internal interface ICliVerb
{
    string Name { get; }
    string Usage { get; }
    Task<int> RunAsync(IServiceProvider services, string[] args);
}

/// <summary>The verbs, found by the first argument.</summary>
internal static class CliVerbs
{
    public static IReadOnlyList<ICliVerb> All { get; } =
        [new RunVerb(), new ValidateVerb(), new ImportVerb(), new PluginsVerb(), new BenchVerb(), new EvaluateVerb(), new GenerateVerb(),
         new EvaluateTimingVerb(), new GenerateTimingVerb(), new SimulateTimingVerb(), new IngestVerb(), new ApiKeyVerb(),
         new EraseVerb(), new SuppressVerb(), new UnsuppressVerb(), new SuppressionsVerb(), new ProfilesVerb(), new SegmentVerb(),
         new SimulateVerb(), new ReportVerb(), new EvaluatePolicyVerb(), new TriggerVerb(), new AllocationsVerb(), new ModelsVerb(), new SegmentsVerb(),
         new HelpVerb()];

    /// <summary>The verb named by args[0], or null to serve. Options such as <c>--urls</c> never count as verbs.</summary>
    public static ICliVerb? Find(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return null;
        return All.FirstOrDefault(v => v.Name == args[0]) ?? new UnknownVerb(args[0]);
    }

    private sealed class UnknownVerb(string name) : ICliVerb
    {
        public string Name => name;
        public string Usage => "";
        public Task<int> RunAsync(IServiceProvider services, string[] args)
        {
            Console.Error.WriteLine($"unknown verb '{name}'.");
            HelpVerb.Print(Console.Error);
            return Task.FromResult(2);
        }
    }
}

internal sealed class HelpVerb : ICliVerb
{
    public string Name => "help";
    public string Usage => "help                       this list";

    public Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        Print(Console.Out);
        return Task.FromResult(0);
    }

    public static void Print(TextWriter writer)
    {
        writer.WriteLine("usage: Campaigns.Host [verb] [arguments]   (no verb: serve the dashboard and run jobs)");
        foreach (var verb in CliVerbs.All) writer.WriteLine("  " + verb.Usage);
    }
}
