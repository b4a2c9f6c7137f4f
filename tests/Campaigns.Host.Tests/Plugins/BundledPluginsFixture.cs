using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Campaigns.Host.Plugins;
using Campaigns.Stages;
using Microsoft.Extensions.Logging.Abstractions;

namespace Campaigns.Host.Tests.Plugins;

/// <summary>
/// The bundled plugins loaded from disk once per test class. Stages are built the way the host builds them: looked up
/// by key, options bound from JSON into the plugin's own options type and validated, then created through the contract.
/// </summary>
public sealed class BundledPluginsFixture : IDisposable
{
    // The binding rules IStageRegistry documents: camelCase, case-insensitive.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly PluginFolders _folders = new PluginFolders().WithBundled();

    public BundledPluginsFixture() =>
        Catalog = PluginCatalog.Load(_folders.Plugins, new StageRegistry(), new McMasterPluginAssemblyLoader(), NullLogger.Instance);

    internal PluginCatalog Catalog { get; }

    /// <summary>A folder for stages that write files; each call gets a new one.</summary>
    internal string NewDataFolder() => Directory.CreateDirectory(Path.Combine(_folders.Data, Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>Binds <paramref name="optionsJson"/> to the stage's options type and returns the validation errors.</summary>
    internal IReadOnlyList<string> Validate(StageKind kind, string key, string optionsJson)
    {
        var options = Bind(kind, key, optionsJson);
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);
        return [.. errors.Select(e => e.ErrorMessage ?? "")];
    }

    /// <summary>The JSON paths under <c>options</c> the validation errors name (their member names, camelCase as the host reports them).</summary>
    internal IReadOnlyList<string> ValidationPaths(StageKind kind, string key, string optionsJson)
    {
        var options = Bind(kind, key, optionsJson);
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);
        return [.. errors.SelectMany(e => e.MemberNames).Select(JsonNamingPolicy.CamelCase.ConvertName)];
    }

    internal TStage Create<TStage>(StageKind kind, string key, string optionsJson, StageContext context) where TStage : ICampaignStage
    {
        Assert.Empty(Validate(kind, key, optionsJson));
        return Assert.IsAssignableFrom<TStage>(Registration(kind, key).Create(context, Bind(kind, key, optionsJson)));
    }

    internal static StageContext Context(InMemoryData data, TimeProvider time, string dataFolder) => new()
    {
        Customers = data,
        Catalog = data,
        Interactions = data,
        Time = time,
        Logger = NullLogger.Instance,
        Run = new CampaignRunInfo("test-campaign", 1, "once"),
        DataFolder = dataFolder,
    };

    public void Dispose() => _folders.Dispose();

    private object Bind(StageKind kind, string key, string optionsJson) =>
        JsonSerializer.Deserialize(optionsJson, Registration(kind, key).OptionsType, Json)!;

    private StageRegistration Registration(StageKind kind, string key)
    {
        Assert.True(Catalog.Stages.TryGet(kind, key, out var registration), $"{kind} stage '{key}' not registered");
        return registration;
    }
}
