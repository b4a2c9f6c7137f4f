namespace Campaigns.Plugins;

/// <summary>
/// The version of the plugin contract this assembly implements. A plugin records the version it was built
/// against (see <see cref="CampaignsPluginAttribute.ContractVersion"/>); the host loads it only when the major
/// versions match and the plugin's minor version is not newer than the host's.
/// </summary>
public static class ContractVersion
{
    /// <summary>Major version: bumped only for a breaking change to the contract.</summary>
    public const int Major = 1;

    /// <summary>Minor version: bumped when members are added in a compatible way.</summary>
    public const int Minor = 3;

    /// <summary>The contract version as text, <c>major.minor</c>.</summary>
    public const string Current = "1.3";
}
