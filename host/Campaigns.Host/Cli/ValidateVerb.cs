using Campaigns.Campaign;

namespace Campaigns.Host.Cli;

/// <summary><c>validate &lt;definition.json&gt;</c>: lists every problem with its JSON path; exit 0 when valid.</summary>
internal sealed class ValidateVerb : ICliVerb
{
    public string Name => "validate";
    public string Usage => "validate <definition.json>                      check a campaign definition, print every error with its JSON path";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine(args.Length == 1 ? $"no such file: {args[0]}" : "usage: " + Usage);
            return 2;
        }
        var errors = services.GetRequiredService<CampaignService>().Validate(await File.ReadAllTextAsync(args[0]));
        foreach (var error in errors) Console.Error.WriteLine($"{args[0]}: {error}");
        if (errors.Count == 0) Console.WriteLine($"{args[0]}: valid");
        return errors.Count == 0 ? 0 : 2;
    }
}
