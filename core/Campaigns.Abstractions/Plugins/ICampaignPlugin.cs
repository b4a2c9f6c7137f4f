namespace Campaigns.Plugins;

/// <summary>
/// The entry point of a plugin. The host creates one instance of each public, non-abstract class that
/// implements this interface (it needs a public parameterless constructor) and calls <see cref="Register"/> once.
/// </summary>
public interface ICampaignPlugin
{
    /// <summary>Declares the stages this plugin provides. An exception here marks the whole plugin as failed.</summary>
    /// <param name="stages">The registry to add stages to.</param>
    void Register(IStageRegistry stages);
}
