using System.Reflection;

namespace Campaigns.Host.Plugins;

/// <summary>
/// Loads a plugin's main assembly into its own load context, sharing only the contract with the host.
/// </summary>
/// <remarks>
/// The one seam between the catalog and the loading library (McMaster.NETCore.Plugins, in maintenance mode
/// upstream): swapping it means writing another implementation of this interface, nothing else.
/// </remarks>
internal interface IPluginAssemblyLoader
{
    /// <summary>Loads <paramref name="mainAssemblyPath"/>; its private dependencies resolve from its folder.</summary>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    /// <exception cref="FileLoadException">The file could not be loaded.</exception>
    Assembly LoadMainAssembly(string mainAssemblyPath);
}
