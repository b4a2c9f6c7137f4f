using System.Text.Json;
using Campaigns.Models;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>models list|show|retrain|rollback</c>: the model registry of trainable stages (docs/models.md). Exit code 0 when
/// the command did what was asked (a rejected candidate included: the gate worked), 2 for a usage error or a refusal.
/// </summary>
internal sealed class ModelsVerb : ICliVerb
{
    private const string Commands = "models list [stage] | show <id> | retrain <stage> [--options JSON] [--window-days 365] [--holdout-days 30] | rollback <stage> <version> [--options JSON]";

    public string Name => "models";
    public string Usage => Commands + "   versioned models: list, retrain now, roll back";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        try
        {
            var cli = new CliArgs(args, new HashSet<string>());
            var command = cli.Positional.Count > 0 ? cli.Positional[0] : "";
            var rest = cli.Positional.Skip(1).ToList();
            var registry = services.GetRequiredService<IModelRegistry>();
            switch (command, rest.Count)
            {
                case ("list", <= 1):
                    ModelsOutput.WriteList(Console.Out, await registry.ListAsync(rest.FirstOrDefault(), CancellationToken.None));
                    return 0;
                case ("show", 1) when long.TryParse(rest[0], out var id):
                    var model = await registry.GetAsync(id, CancellationToken.None) ?? throw new ModelException($"there is no model {id}; see models list");
                    ModelsOutput.WriteOne(Console.Out, model);
                    return 0;
                case ("retrain", 1):
                    var settings = new RetrainingSettings(cli.Int("window-days", 365), cli.Int("holdout-days", 30));
                    var result = await services.GetRequiredService<ModelTrainer>().RetrainAsync(rest[0], Options(cli), settings, CancellationToken.None);
                    ModelsOutput.WriteOne(Console.Out, result.Model);
                    return 0;
                case ("rollback", 2) when int.TryParse(rest[1], out var version):
                    var hash = await HashAsync(services, registry, rest[0], Options(cli), cli.Get("options") is not null);
                    var live = await registry.RollbackAsync(rest[0], hash, version, "rolled back from the command line", CancellationToken.None);
                    Console.WriteLine($"{live.Label} ({live.OptionsHash}) is live again");
                    return 0;
                default:
                    Console.Error.WriteLine("usage: " + Commands);
                    return 2;
            }
        }
        catch (Exception ex) when (ex is ModelException or ArgumentException)
        {
            Console.Error.WriteLine($"models: {ex.Message}");
            return 2;
        }
    }

    /// <summary>The <c>--options</c> JSON, null when absent.</summary>
    internal static JsonElement? Options(CliArgs cli)
    {
        if (cli.Get("options") is not { } json) return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"--options is not valid JSON: {ex.Message}", ex);
        }
    }

    // Without --options, the stage's only options hash in the registry is meant; with several, the user must say which.
    private static async Task<string> HashAsync(IServiceProvider services, IModelRegistry registry, string stage, JsonElement? options, bool given)
    {
        if (given) return OptionsHash.Of(services.GetRequiredService<ModelTrainer>().Resolve(stage, options).Options);
        var hashes = (await registry.ListAsync(stage, CancellationToken.None)).Select(m => m.OptionsHash).Distinct().ToList();
        return hashes.Count switch
        {
            0 => throw new ModelException($"{stage} has no models; see models list"),
            1 => hashes[0],
            _ => throw new ModelException($"{stage} has models for {hashes.Count} sets of options ({string.Join(", ", hashes)}): say which with --options"),
        };
    }
}
