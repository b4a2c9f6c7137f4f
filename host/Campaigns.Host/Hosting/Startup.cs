using Campaigns.Host.Jobs;

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
        services.LoadCampaignPlugins();
    }
}
