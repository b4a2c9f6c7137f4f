using Campaigns.Stages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Campaigns.Host.Plugins;

/// <summary>
/// The plugins found in the plugins folder and what became of each: loaded (its stages are in <see cref="Stages"/>)
/// or failed (with the reason). A broken plugin never stops the host; it is listed here and logged.
/// </summary>
/// <remarks>
/// The folder holds one subfolder per plugin; a plugin's main assembly is <c>&lt;subfolder&gt;/&lt;subfolder name&gt;.dll</c>.
/// Subfolders load in ordinal name order, so when two plugins claim the same stage key the same one wins every time.
/// </remarks>
public sealed class PluginCatalog
{
    /// <summary>The configuration key of the plugins folder; relative paths are resolved against the application's base directory.</summary>
    public const string FolderConfigKey = "Campaigns:PluginsFolder";

    private PluginCatalog(string folder, StageRegistry stages, IReadOnlyList<LoadedPlugin> plugins)
    {
        Folder = folder;
        Stages = stages;
        Plugins = plugins;
    }

    /// <summary>The plugins folder that was scanned, absolute.</summary>
    public string Folder { get; }

    /// <summary>The registry the loaded plugins' stages were added to.</summary>
    public StageRegistry Stages { get; }

    /// <summary>Every plugin folder found, loaded or failed, in load order.</summary>
    public IReadOnlyList<LoadedPlugin> Plugins { get; }

    /// <summary>The plugins in service.</summary>
    public IReadOnlyList<LoadedPlugin> Loaded => [.. Plugins.Where(p => p.Status == PluginStatus.Loaded)];

    /// <summary>The plugins that could not be loaded, each with its reason.</summary>
    public IReadOnlyList<LoadedPlugin> Failed => [.. Plugins.Where(p => p.Status == PluginStatus.Failed)];

    /// <summary>The plugins folder named by <see cref="FolderConfigKey"/>, or <c>&lt;base directory&gt;/plugins</c>.</summary>
    public static string ResolveFolder(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[FolderConfigKey];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "plugins" : configured, AppContext.BaseDirectory);
    }

    /// <summary>Loads every plugin under <paramref name="folder"/> into <paramref name="stages"/>.</summary>
    internal static PluginCatalog Load(string folder, StageRegistry stages, IPluginAssemblyLoader loader, ILogger logger)
    {
        folder = Path.GetFullPath(folder);
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Plugins folder {Folder} does not exist: no plugin loaded", folder);
            return new PluginCatalog(folder, stages, []);
        }

        var folderLoader = new PluginFolderLoader(stages, loader);
        var plugins = new List<LoadedPlugin>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pluginFolder in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var plugin = folderLoader.Load(pluginFolder, ids);
            plugins.Add(plugin);
            if (plugin.Status == PluginStatus.Loaded)
            {
                ids.Add(plugin.Id);
                logger.LogInformation("Plugin {PluginId} {Version} loaded from {Folder}: {Stages}", plugin.Id, plugin.Version, pluginFolder, string.Join(", ", plugin.StageKeys));
            }
            else
            {
                logger.LogError("Plugin {PluginId} in {Folder} failed to load: {Reason}", plugin.Id, pluginFolder, plugin.Error);
            }
        }
        return new PluginCatalog(folder, stages, plugins);
    }
}
