using Campaigns.Host.Api;
using Campaigns.Host.Cli;
using Campaigns.Host.Dashboard;
using Campaigns.Host.Experiments;
using Campaigns.Host.Hosting;
using Campaigns.Host.Jobs;
using Campaigns.Host.Plugins;
using Campaigns.Host.Sample;
using Campaigns.Host.Tracking;

// With a verb (run, import, validate, plugins, bench, report, ...) the host does that one thing and exits; without one it serves
// the dashboard and runs the Hangfire server.
var verb = CliVerbs.Find(args);
// Settings live next to the executable; data and templates are found from the working directory (see HostPaths).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = verb is null ? args : [], ContentRootPath = AppContext.BaseDirectory });
if (verb is not null) builder.UseVerbLogging();

builder.Services
    .AddCampaignsCore(HostPaths.Resolve(builder.Configuration))
    .AddCampaignsDeliveryPolicy(builder.Configuration)
    .AddCampaignsTracking(builder.Configuration)
    .AddCampaignsPrivacy(builder.Configuration)
    .AddCampaignsExperiments(builder.Configuration)
    .AddCampaignsData(builder.Configuration)
    .AddCampaignPlugins(builder.Configuration)
    .AddCampaignsApi(builder.Configuration)
    .AddCampaignsJobs(builder.Configuration, serve: verb is null)
    .AddCampaignsTriggers(serve: verb is null);

var app = builder.Build();
await app.Services.StartCampaignsAsync();

if (verb is not null)
    return await verb.RunAsync(app.Services, args[1..]);

app.MapCampaignsDashboard();
app.MapCampaignsTracking();
app.MapCampaignsApi();
app.UseCampaignsSample();
await app.RunAsync();
return 0;
