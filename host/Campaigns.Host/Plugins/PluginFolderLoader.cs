using System.Reflection;
using System.Runtime.ExceptionServices;
using Campaigns.Plugins;
using Campaigns.Stages;

namespace Campaigns.Host.Plugins;

/// <summary>Loads one plugin folder into the stage registry, turning every failure into a failed entry.</summary>
internal sealed class PluginFolderLoader(StageRegistry stages, IPluginAssemblyLoader loader)
{
    /// <summary>Loads <paramref name="folder"/>, whose main assembly is <c>&lt;folder name&gt;.dll</c>; never throws.</summary>
    /// <param name="folder">The plugin's folder, absolute.</param>
    /// <param name="takenIds">Ids of plugins already loaded from other folders.</param>
    public LoadedPlugin Load(string folder, IReadOnlySet<string> takenIds)
    {
        var name = Path.GetFileName(folder);
        PluginManifest? manifest = null;
        try
        {
            var mainPath = Path.Combine(folder, name + ".dll");
            if (!File.Exists(mainPath))
                throw new PluginLoadException($"main assembly {name}.dll not found in the plugin folder");

            var assembly = loader.LoadMainAssembly(mainPath);
            manifest = PluginManifest.Read(assembly)
                ?? throw new PluginLoadException($"no CampaignsPlugin manifest in {name}.dll (add [assembly: CampaignsPlugin(id, version)])");
            if (manifest.CheckContract() is { } contractError) throw new PluginLoadException(contractError);
            if (takenIds.Contains(manifest.Id) || stages.All.Any(s => s.PluginId == manifest.Id))
                throw new PluginLoadException($"plugin id '{manifest.Id}' is already taken by another plugin");

            var entries = FindEntryTypes(assembly).Select(Create).ToList();
            // One registration for all entry points, so the plugin is in or out as a whole.
            stages.RegisterPlugin(manifest.Id, registry => entries.ForEach(entry => entry.Register(registry)));

            var keys = stages.All.Where(s => s.PluginId == manifest.Id).Select(s => s.Key).ToList();
            return new LoadedPlugin(manifest.Id, manifest.Version, folder, PluginStatus.Loaded, null, keys)
            {
                DisplayName = manifest.DisplayName,
                ContractVersion = manifest.ContractVersion,
            };
        }
        catch (Exception ex)
        {
            return new LoadedPlugin(manifest?.Id ?? name, manifest?.Version, folder, PluginStatus.Failed, PluginFailure.Describe(ex), [])
            {
                DisplayName = manifest?.DisplayName,
                ContractVersion = manifest?.ContractVersion,
            };
        }
    }

    private static List<Type> FindEntryTypes(Assembly assembly)
    {
        var exported = assembly.GetExportedTypes();
        var entries = exported.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICampaignPlugin).IsAssignableFrom(t)).ToList();
        if (entries.Count > 0) return entries;

        // A class that implements an ICampaignPlugin of another identity means the plugin carries its own copy of the contract.
        var foreign = exported.Any(t => t.GetInterfaces().Any(i => i.FullName == typeof(ICampaignPlugin).FullName));
        throw new PluginLoadException(foreign
            ? "its ICampaignPlugin is not the host's: the plugin ships its own Campaigns.Abstractions.dll (reference the contract with Private=false)"
            : "no public non-abstract class implementing ICampaignPlugin");
    }

    private static ICampaignPlugin Create(Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
            throw new PluginLoadException($"{type.FullName} has no public parameterless constructor");
        try
        {
            return (ICampaignPlugin)Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }
}
