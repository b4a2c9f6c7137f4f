using Campaigns.Data;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;

namespace Campaigns.Planning;

/// <summary>Builds the <see cref="StageContext"/> stages get: the host's read-only stores (profiles when the data layer keeps them), its clock, a logger, a data folder.</summary>
public sealed class StageContextFactory(
    ICustomerReader customers,
    ICatalogReader catalog,
    IInteractionReader interactions,
    TimeProvider time,
    ILoggerFactory loggers,
    CampaignsPaths paths,
    IProfileReader? profiles = null)
{
    /// <summary>The profile store stages read, for the planner's own slot features; null on a host that keeps none.</summary>
    internal IProfileReader? Profiles => profiles;

    /// <summary>A context for one stage of one run.</summary>
    public StageContext Create(CampaignRunInfo run, StageRegistration stage) => new()
    {
        Customers = customers,
        Catalog = catalog,
        Interactions = interactions,
        Time = time,
        Logger = loggers.CreateLogger($"Campaigns.Stage.{stage.Kind}.{stage.Key}"),
        Run = run,
        DataFolder = paths.EnsureDataFolder(),
        Profiles = profiles,
    };
}

/// <summary>Where the product keeps its files.</summary>
/// <param name="DataFolder">Database file (embedded mode), outboxes, model files.</param>
/// <param name="TemplatesFolder">Message templates and sample campaigns.</param>
public sealed record CampaignsPaths(string DataFolder, string TemplatesFolder)
{
    /// <summary>The data folder, created if missing.</summary>
    public string EnsureDataFolder()
    {
        Directory.CreateDirectory(DataFolder);
        return DataFolder;
    }
}
