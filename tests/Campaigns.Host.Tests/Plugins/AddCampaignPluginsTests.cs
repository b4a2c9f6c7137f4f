using Campaigns.Host.Plugins;
using Campaigns.Stages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Campaigns.Host.Tests.Plugins;

public sealed class AddCampaignPluginsTests : IDisposable
{
    private readonly PluginFolders _folders = new PluginFolders().WithBundled();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public void TheRegistryAndTheCatalogComeFromOneLoadOfTheConfiguredFolder()
    {
        _folders.AddTestPlugin("Campaigns.TestPlugins.Throwing");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [PluginCatalog.FolderConfigKey] = _folders.Plugins })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddCampaignPlugins(configuration).BuildServiceProvider();

        var registry = services.GetRequiredService<StageRegistry>();
        var catalog = services.GetRequiredService<PluginCatalog>();

        Assert.Same(catalog.Stages, registry);
        Assert.Equal(_folders.Plugins, catalog.Folder);
        Assert.True(registry.TryGet(StageKind.SendTime, "fixed-local-time", out _));
        Assert.Equal("test.throwing", Assert.Single(catalog.Failed).Id);
    }

    [Fact]
    public void WithoutConfigurationTheFolderIsPluginsUnderTheBaseDirectory()
    {
        var folder = PluginCatalog.ResolveFolder(new ConfigurationBuilder().Build());

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "plugins"), folder);
    }
}
