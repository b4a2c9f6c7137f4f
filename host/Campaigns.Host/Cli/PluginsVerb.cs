using Campaigns.Host.Plugins;
using Campaigns.Stages;

namespace Campaigns.Host.Cli;

/// <summary><c>plugins</c>: every plugin found, loaded or failed (with why), and every stage key available to campaigns.</summary>
internal sealed class PluginsVerb : ICliVerb
{
    public string Name => "plugins";
    public string Usage => "plugins                                         list plugins (loaded and failed) and stage keys";

    public Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        foreach (var plugin in services.GetRequiredService<PluginCatalog>().Plugins)
            Console.WriteLine(plugin.Status == PluginStatus.Loaded
                ? $"loaded  {plugin.Id} {plugin.Version}: {string.Join(", ", plugin.StageKeys)}"
                : $"FAILED  {plugin.Folder}: {plugin.Error}");
        foreach (var stage in services.GetRequiredService<StageRegistry>().All)
            Console.WriteLine($"stage   {stage.Kind,-12} {stage.Key,-20} ({stage.PluginId}) {stage.Description}");
        return Task.FromResult(0);
    }
}
