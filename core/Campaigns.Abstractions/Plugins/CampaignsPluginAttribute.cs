namespace Campaigns.Plugins;

/// <summary>
/// The manifest of a plugin assembly: who it is, its version and the contract version it was compiled against.
/// Exactly one per plugin assembly, e.g.
/// <c>[assembly: CampaignsPlugin("acme.recommenders", "1.2.0", ContractVersion = ContractVersion.Current)]</c>.
/// </summary>
/// <remarks>
/// Set <see cref="ContractVersion"/> explicitly to the constant <see cref="Plugins.ContractVersion.Current"/>: the
/// compiler then copies it into the plugin's metadata at build time, so it says which contract the plugin was really
/// built against. The property's default is evaluated in the host's copy of the contract and so tells the host nothing;
/// when the property is left out, the host reads the major version from the plugin's reference to this assembly and
/// assumes minor 0.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class CampaignsPluginAttribute(string id, string version) : Attribute
{
    /// <summary>Unique, stable plugin id, e.g. <c>campaigns.recommenders</c>.</summary>
    public string Id { get; } = id;

    /// <summary>The plugin's own version (semantic versioning).</summary>
    public string Version { get; } = version;

    /// <summary>The contract version the plugin was compiled against, <c>major.minor</c>.</summary>
    public string ContractVersion { get; init; } = Plugins.ContractVersion.Current;

    /// <summary>A human readable name shown in the dashboard and logs.</summary>
    public string? DisplayName { get; init; }

    /// <summary>One sentence on what the plugin provides.</summary>
    public string? Description { get; init; }
}
