using Campaigns.Host.Triggers;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The host's side of trigger campaigns (the matching and planning are in Campaigns.Core).</summary>
internal static class TriggersServiceCollectionExtensions
{
    /// <summary>Adds the replenishment job and, when serving, the worker that plans queued trigger work.</summary>
    public static IServiceCollection AddCampaignsTriggers(this IServiceCollection services, bool serve)
    {
        services.AddSingleton<TriggerLatency>();
        services.AddSingleton(sp => TriggerSweepSettings.Read(sp.GetService<IConfiguration>()));
        services.AddTransient<ReplenishmentJob>();
        if (serve) services.AddHostedService<TriggerWorker>();
        return services;
    }
}
