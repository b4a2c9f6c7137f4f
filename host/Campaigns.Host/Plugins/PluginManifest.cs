using System.Reflection;
using Campaigns.Plugins;

namespace Campaigns.Host.Plugins;

/// <summary>A plugin's <see cref="CampaignsPluginAttribute"/>, read from the assembly's metadata.</summary>
/// <param name="Id">The plugin id.</param>
/// <param name="Version">The plugin's own version.</param>
/// <param name="ContractVersion">The contract version the plugin was compiled against, <c>major.minor</c>.</param>
/// <param name="ReferencedContract">The version of Campaigns.Abstractions the assembly references, if it does.</param>
/// <param name="DisplayName">The manifest's display name.</param>
internal sealed record PluginManifest(string Id, string Version, string ContractVersion, System.Version? ReferencedContract, string? DisplayName)
{
    private static readonly string AttributeName = typeof(CampaignsPluginAttribute).FullName!;
    private static readonly string ContractAssemblyName = typeof(ICampaignPlugin).Assembly.GetName().Name!;

    /// <summary>Reads the manifest, or returns null when the assembly has none.</summary>
    /// <remarks>
    /// Metadata, not an attribute instance: the property initializer of <see cref="CampaignsPluginAttribute.ContractVersion"/>
    /// runs in the host's copy of the contract, so an instance would report the host's version for a plugin that did
    /// not set it. Metadata holds only what the plugin's compiler wrote. When the plugin left the property out, the
    /// major version comes from its reference to Campaigns.Abstractions (whose assembly version carries only the major).
    /// </remarks>
    public static PluginManifest? Read(Assembly assembly)
    {
        var data = assembly.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == AttributeName);
        if (data is null) return null;

        var id = data.ConstructorArguments.ElementAtOrDefault(0).Value as string;
        var version = data.ConstructorArguments.ElementAtOrDefault(1).Value as string;
        var referenced = assembly.GetReferencedAssemblies().FirstOrDefault(n => n.Name == ContractAssemblyName)?.Version;
        var contract = Named(data, nameof(CampaignsPluginAttribute.ContractVersion))
            ?? (referenced is null ? "unknown" : $"{referenced.Major}.0");
        if (string.IsNullOrWhiteSpace(id)) throw new PluginLoadException("the CampaignsPlugin manifest has an empty id");
        return new PluginManifest(id, version ?? "", contract, referenced, Named(data, nameof(CampaignsPluginAttribute.DisplayName)));
    }

    /// <summary>Null when the host can run this plugin; otherwise why not.</summary>
    public string? CheckContract()
    {
        var host = $"host provides {Campaigns.Plugins.ContractVersion.Current}";
        if (!System.Version.TryParse(ContractVersion, out var declared) || ContractVersion.Count(c => c == '.') != 1)
            return $"invalid contract version '{ContractVersion}' in the manifest (expected major.minor); {host}";
        if (declared.Major != Campaigns.Plugins.ContractVersion.Major || declared.Minor > Campaigns.Plugins.ContractVersion.Minor)
            return $"built against contract {ContractVersion}, {host}";
        if (ReferencedContract is not null && ReferencedContract.Major != Campaigns.Plugins.ContractVersion.Major)
            return $"references {ContractAssemblyName} {ReferencedContract}, {host}";
        return null;
    }

    private static string? Named(CustomAttributeData data, string name) =>
        data.NamedArguments.FirstOrDefault(a => a.MemberName == name).TypedValue.Value as string;
}
