using Campaigns.Host.Plugins;

namespace Campaigns.Host.Hosting;

/// <summary>What every start does, served or verb: migrate the database and load the plugins.</summary>
internal static class Startup
{
    public static async Task StartCampaignsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Campaigns");
        var database = services.GetRequiredService<Campaigns.Data.CampaignsDatabase>();
        logger.LogInformation("Database: {Database}", database.Describe());
        await services.MigrateCampaignsDatabaseAsync(cancellationToken);
        // Resolving the catalog loads the plugins; failures are already logged with their reasons.
        var plugins = services.GetRequiredService<PluginCatalog>();
        logger.LogInformation("Plugins from {Folder}: {Loaded} loaded, {Failed} failed", plugins.Folder, plugins.Loaded.Count, plugins.Failed.Count);
    }
}
