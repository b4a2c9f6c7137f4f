using Campaigns.Campaign;
using Campaigns.Delivery;
using Campaigns.Events;
using Campaigns.Experiments;
using Campaigns.Message;
using Campaigns.Models;
using Campaigns.Planning;
using Campaigns.Profiles;
using Campaigns.Segments;
using Campaigns.Scheduling;
using Campaigns.Tracking;
using Campaigns.Triggers;
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
        services.TryAddSingleton(GlobalControl.Off);
        services.TryAddSingleton(Campaigns.Storage.AttributionWindows.Default);
        services.AddSingleton<AllocationUpdater>();
        services.AddSingleton<LinkRewriter>();
        services.AddSingleton<CampaignCompiler>();
        services.AddSingleton<CampaignService>();
        services.AddSingleton<StageContextFactory>();
        services.TryAddSingleton(Campaigns.Privacy.PrivacyOptions.Generated);
        services.AddSingleton<Campaigns.Privacy.SuppressionCheck>();
        services.AddSingleton<LiveModels>();
        services.AddSingleton<ModelTrainer>();
        services.AddSingleton<CampaignPlanner>();
        services.AddSingleton<CampaignRunner>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<EventPublisher>();
        services.AddSingleton<ProfileComputer>();
        services.AddSingleton<SegmentPreview>();
        services.AddSingleton<ProfileUpdateQueue>();
        services.AddSingleton<IEventObserver>(sp => sp.GetRequiredService<ProfileUpdateQueue>());
        services.AddCampaignTriggers();
        return services;
    }

    /// <summary>Trigger campaigns: the observer that matches committed events, the queue to the worker, the processor and the replenishment scanner.</summary>
    private static IServiceCollection AddCampaignTriggers(this IServiceCollection services)
    {
        services.AddSingleton<ActiveTriggers>();
        services.AddSingleton<TriggerQueue>();
        services.AddSingleton<TriggerPhases>();
        // The host replaces the options with its settings (Campaigns:Triggers); by default each process is a new host.
        services.TryAddSingleton(_ => TriggerSweepOptions.Default());
        services.AddSingleton<TriggerHostMarks>();
        services.AddSingleton<TriggerReplay>();
        services.AddSingleton(sp => new TriggerSweep(sp.GetService<StageRegistry>() is null ? null : sp.GetRequiredService<ActiveTriggers>(),
            sp.GetRequiredService<Campaigns.Storage.ITriggerWatermarks>(), sp.GetRequiredService<TriggerReplay>(), sp.GetRequiredService<TriggerHostMarks>(),
            sp.GetRequiredService<TriggerSweepOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<TriggerSweep>>()));
        services.AddSingleton<IEventObserver>(sp => new TriggerObserver(
            sp.GetService<StageRegistry>() is null ? null : sp.GetRequiredService<ActiveTriggers>(), sp.GetRequiredService<TriggerQueue>()));
        services.AddSingleton<TriggerProcessor>();
        services.AddSingleton<ReplenishmentScanner>();
        return services;
    }
}
