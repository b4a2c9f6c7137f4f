using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Host.Jobs;
using Campaigns.Import;
using Campaigns.Planning;
using Campaigns.Storage;
using Hangfire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Campaigns.Host.Sample;

/// <summary>
/// The first-start experience: with <c>Campaigns:Sample:Enabled</c> (on by default), an empty store gets the bundled
/// Online Retail sample, the sample campaign is saved and sent once, and the console says where the dashboard and
/// the outbox are.
/// </summary>
internal static class SampleExtensions
{
    public const string SampleCampaign = "campaigns/sample-bestsellers.json";
    public const string SampleData = "sample-data/online-retail-sample.csv.gz";

    public static WebApplication UseCampaignsSample(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Campaigns:Sample:Enabled", true)) return app;
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => StartAsync(app)));
        return app;
    }

    private static async Task StartAsync(WebApplication app)
    {
        var services = app.Services;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Campaigns.Sample");
        var paths = services.GetRequiredService<CampaignsPaths>();
        try
        {
            var interactions = services.GetRequiredService<IInteractionReader>();
            if ((await interactions.CountByItemAsync(new InteractionQuery(), 1, CancellationToken.None)).Count == 0)
            {
                var file = Path.Combine(paths.TemplatesFolder, SampleData);
                var result = await new InteractionImporter(services.GetRequiredService<IImportWriter>(), services.GetRequiredService<TimeProvider>()).ImportAsync(file);
                logger.LogInformation("Imported the sample data {File}: {Events} events, {Customers} customers, {Items} items", file, result.EventsAdded, result.CustomersAdded, result.ItemsAdded);
                // Segments read profiles: compute them now rather than at the nightly run.
                services.GetRequiredService<IBackgroundJobClient>().Enqueue<ProfilesJob>(j => j.RunAsync(CancellationToken.None));
            }
            var definition = await File.ReadAllTextAsync(Path.Combine(paths.TemplatesFolder, SampleCampaign));
            var stored = await services.GetRequiredService<CampaignService>().SaveAsync(definition, CancellationToken.None);
            var counts = await services.GetRequiredService<ILedgerStore>().CountByStateAsync(stored.Id, null, CancellationToken.None);
            if (counts.Values.Sum() == 0)
            {
                var campaign = await services.GetRequiredService<CampaignService>().GetCompiledAsync(stored.Id, stored.Version, CancellationToken.None);
                services.GetRequiredService<CampaignJobScheduler>().Schedule(campaign, sendNow: true);
            }
            var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
            Console.WriteLine();
            Console.WriteLine($"Campaigns is running. Dashboard: {address.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal)}/hangfire/campaigns");
            Console.WriteLine($"Sample campaign '{stored.Id}' v{stored.Version}; its messages are written to {Path.Combine(paths.DataFolder, "outbox.jsonl")}");
            Console.WriteLine();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The sample could not be started; the host keeps serving");
        }
    }
}
