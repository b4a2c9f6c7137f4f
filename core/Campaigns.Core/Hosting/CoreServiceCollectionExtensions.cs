using Campaigns.Campaign;
using Campaigns.Delivery;
using Campaigns.Events;
using Campaigns.Message;
using Campaigns.Models;
using Campaigns.Planning;
using Campaigns.Scheduling;
using Campaigns.Tracking;
using Campaigns.Stages;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the campaign engine: compiler, planner, dispatcher. The <see cref="StageRegistry"/> comes from the plugin loader (AddCampaignPlugins).</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>Adds the engine. <paramref name="paths"/> says where data and templates live.</summary>
    public static IServiceCollection AddCampaignsCore(this IServiceCollection services, CampaignsPaths paths)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(paths);
        services.AddSingleton(new TemplateFolder(paths.TemplatesFolder));
        services.TryAddSingleton(TemplateLimits.Default);
        services.TryAddSingleton(new DispatchOptions());
        services.TryAddSingleton(DeliveryPolicy.None);
        services.TryAddSingleton(TrackingOptions.Off);
        services.AddSingleton<LinkRewriter>();
        services.AddSingleton<CampaignCompiler>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<StageContextFactory>();
        services.AddSingleton<LiveModels>();
        services.AddSingleton<ModelTrainer>();
        services.AddSingleton<CampaignPlanner>();
        services.AddSingleton<CampaignRunner>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<EventPublisher>();
        return services;
    }
}
