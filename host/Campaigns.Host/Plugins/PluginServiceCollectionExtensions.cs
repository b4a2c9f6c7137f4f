using Campaigns.Stages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Campaigns.Host.Plugins;

/// <summary>Registers runtime plugin loading.</summary>
public static class PluginServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PluginCatalog"/> and <see cref="StageRegistry"/> as singletons. Plugins are loaded once,
    /// lazily, the first time either is resolved; resolving <see cref="StageRegistry"/> therefore always yields a
    /// registry with the plugins' stages in it. The folder comes from <see cref="PluginCatalog.FolderConfigKey"/>.
    /// </summary>
    public static IServiceCollection AddCampaignPlugins(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var folder = PluginCatalog.ResolveFolder(configuration);
        services.TryAddSingleton<IPluginAssemblyLoader, McMasterPluginAssemblyLoader>();
        services.TryAddSingleton(sp =>
        {
            var logger = (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<PluginCatalog>();
            return PluginCatalog.Load(folder, new StageRegistry(), sp.GetRequiredService<IPluginAssemblyLoader>(), logger);
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<PluginCatalog>().Stages);
        return services;
    }
}
