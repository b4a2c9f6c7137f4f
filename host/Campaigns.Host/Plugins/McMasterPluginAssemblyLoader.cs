using System.Collections.Concurrent;
using System.Reflection;
using Campaigns.Plugins;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaigns.Host.Plugins;

/// <summary>Loads plugins with McMaster.NETCore.Plugins, one load context per plugin.</summary>
internal sealed class McMasterPluginAssemblyLoader : IPluginAssemblyLoader, IDisposable
{
    // The contract and the abstractions its signatures mention must be the host's own copies, or a plugin's
    // ICampaignPlugin would be a different type from the host's (the type-identity failures of McMaster #42/#242).
    private static readonly Type[] SharedTypes =
    [
        typeof(ICampaignPlugin),
        typeof(ILogger),
        typeof(IServiceCollection),
    ];

    // Loaders stay alive as long as the host: their load contexts hold the plugins' code.
    private readonly ConcurrentBag<PluginLoader> _loaders = [];

    /// <inheritdoc />
    public Assembly LoadMainAssembly(string mainAssemblyPath)
    {
        // PreferSharedTypes: an assembly the host already has (the contract, logging, the BCL) is taken from the
        // host, so versions cannot skew; only what the host lacks comes from the plugin's own folder.
        var loader = PluginLoader.CreateFromAssemblyFile(mainAssemblyPath, SharedTypes, config => config.PreferSharedTypes = true);
        try
        {
            var assembly = loader.LoadDefaultAssembly();
            _loaders.Add(loader);
            return assembly;
        }
        catch
        {
            loader.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        while (_loaders.TryTake(out var loader)) loader.Dispose();
    }
}
