namespace Campaigns.Plugins;

/// <summary>
/// The manifest of a plugin assembly: who it is, its version and the contract version it was compiled against.
/// Exactly one per plugin assembly, e.g. <c>[assembly: CampaignsPlugin("acme.recommenders", "1.2.0")]</c>.
/// </summary>
/// <remarks>
/// <see cref="ContractVersion"/> defaults to the constant <see cref="Plugins.ContractVersion.Current"/>, which the
/// compiler copies into the plugin at build time, so it says which contract the plugin was really built against.
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
