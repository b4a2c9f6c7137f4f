namespace Campaigns.Host.Plugins;

/// <summary>What became of one plugin folder.</summary>
/// <param name="Id">The manifest id, or the folder name when the manifest could not be read.</param>
/// <param name="Version">The plugin's own version from its manifest; null when unknown.</param>
/// <param name="Folder">The plugin's folder, absolute.</param>
/// <param name="Status">Whether its stages are available.</param>
/// <param name="Error">Why it failed, in words an operator can act on; null when loaded.</param>
/// <param name="StageKeys">The keys of the stages it registered; empty when failed.</param>
public sealed record LoadedPlugin(string Id, string? Version, string Folder, PluginStatus Status, string? Error, IReadOnlyList<string> StageKeys)
{
    /// <summary>The manifest's display name, when it has one.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The contract version the plugin declares, <c>major.minor</c>; null when unknown.</summary>
    public string? ContractVersion { get; init; }
}

/// <summary>Whether a plugin is in service.</summary>
public enum PluginStatus
{
    /// <summary>Loaded and its stages registered.</summary>
    Loaded,

    /// <summary>Not in service; <see cref="LoadedPlugin.Error"/> says why.</summary>
    Failed,
}
