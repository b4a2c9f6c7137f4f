using System.Runtime.Loader;
using Campaigns.Host.Plugins;
using Campaigns.Stages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Campaigns.Host.Tests.Plugins;

public sealed class PluginCatalogTests : IDisposable
{
    /// <summary>Every stage key the bundled plugins provide, in ordinal order.</summary>
    private static readonly string[] BundledStageKeys =
        ["active-customers", "bayes-hour-of-week", "buy-again", "content-based", "ease", "fixed-local-time", "http", "hybrid", "ials", "item-knn", "kmeans-segment",
         "median-hour", "ml-engagement", "most-popular", "outbox", "propensity-segment", "purchase-cycle", "reranker", "rule-segment", "smtp", "trending",
         "user-knn", "webhook"];

    private readonly PluginFolders _folders = new PluginFolders().WithBundled();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public void BundledPluginsLoadFromDiskWithTheirStageKeys()
    {
        var catalog = Load();

        Assert.Empty(catalog.Failed);
        AssertBundledLoaded(catalog);
        Assert.Equal(BundledStageKeys, catalog.Stages.All.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.All(catalog.Loaded, p => Assert.Equal("1.3", p.ContractVersion));
    }

    [Theory]
    [InlineData("garbage", "not a .NET assembly")]
    [InlineData("missing-helper", "missing dependency: Campaigns.TestPlugins.Helper")]
    [InlineData("future-contract", "built against contract 2.0, host provides 1.3")]
    [InlineData("throwing", "threw while registering: InvalidOperationException: test plugin refuses to register")]
    [InlineData("clash", "'most-popular', which plugin 'campaigns.recommenders' already provides")]
    [InlineData("empty", "main assembly Campaigns.TestPlugins.Empty.dll not found")]
    [InlineData("no-manifest", "no CampaignsPlugin manifest")]
    public void ABrokenPluginIsListedFailedWithItsReasonAndTheOthersStillLoad(string brokenCase, string reason)
    {
        var folder = AddBroken(brokenCase);

        var catalog = Load();

        var failed = Assert.Single(catalog.Failed);
        Assert.Equal(folder, failed.Folder);
        Assert.Contains(reason, failed.Error, StringComparison.Ordinal);
        Assert.Empty(failed.StageKeys);
        AssertBundledLoaded(catalog);
    }

    [Fact]
    public void AllBrokenPluginsTogetherLeaveTheBundledOnesWorking()
    {
        string[] cases = ["garbage", "missing-helper", "future-contract", "throwing", "clash", "empty", "no-manifest"];
        foreach (var brokenCase in cases) AddBroken(brokenCase);

        var catalog = Load();

        Assert.Equal(cases.Length, catalog.Failed.Count);
        AssertBundledLoaded(catalog);
        Assert.Equal(BundledStageKeys.Length, catalog.Stages.All.Count);
    }

    [Fact]
    public void AFailedPluginIsLoggedAsAnErrorWithItsReason()
    {
        _folders.AddTestPlugin("Campaigns.TestPlugins.FutureContract");
        var logger = new ListLogger();

        PluginCatalog.Load(_folders.Plugins, new StageRegistry(), new McMasterPluginAssemblyLoader(), logger);

        var error = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("test.future-contract", error.Message, StringComparison.Ordinal);
        Assert.Contains("built against contract 2.0, host provides 1.3", error.Message, StringComparison.Ordinal);
        Assert.Equal(PluginFolders.Bundled.Count, logger.Entries.Count(e => e.Level == LogLevel.Information));
    }

    [Fact]
    public void AClashIsAllOrNothingAndTheFirstPluginKeepsTheKey()
    {
        AddBroken("clash");

        var catalog = Load();

        Assert.False(catalog.Stages.TryGet(StageKind.Rule, "clash-own-rule", out _));
        Assert.True(catalog.Stages.TryGet(StageKind.Recommender, "most-popular", out var owner));
        Assert.Equal("campaigns.recommenders", owner.PluginId);
    }

    [Fact]
    public void APluginWithItsPrivateDependencyPresentLoads()
    {
        _folders.AddTestPlugin("Campaigns.TestPlugins.NeedsHelper");

        var catalog = Load();

        var plugin = Assert.Single(catalog.Loaded, p => p.Id == "test.needs-helper");
        Assert.Equal(["helper-rule"], plugin.StageKeys);
    }

    [Fact]
    public void AMissingPluginsFolderGivesAnEmptyCatalog()
    {
        var catalog = PluginCatalog.Load(Path.Combine(_folders.Root, "nowhere"), new StageRegistry(), new McMasterPluginAssemblyLoader(), NullLogger.Instance);

        Assert.Empty(catalog.Plugins);
        Assert.Empty(catalog.Stages.All);
    }

    [Fact]
    public void TheHostHasNoCompileTimeReferenceToAnyPluginAndPluginsStayOutOfTheDefaultContext()
    {
        Load();

        var references = typeof(PluginCatalog).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");
        Assert.DoesNotContain(references, n => n.StartsWith("Campaigns.Plugins", StringComparison.Ordinal));
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name!.StartsWith("Campaigns.Plugins", StringComparison.Ordinal));
    }

    private PluginCatalog Load() =>
        PluginCatalog.Load(_folders.Plugins, new StageRegistry(), new McMasterPluginAssemblyLoader(), NullLogger.Instance);

    private static void AssertBundledLoaded(PluginCatalog catalog)
    {
        Assert.Equal(
            ["campaigns.channels.http", "campaigns.channels.outbox", "campaigns.channels.smtp", "campaigns.ranking", "campaigns.recommenders", "campaigns.segmentation", "campaigns.segmentation.ml", "campaigns.timing", "campaigns.timing.ml"],
            catalog.Loaded.Where(p => p.Id.StartsWith("campaigns.", StringComparison.Ordinal)).Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["outbox"], catalog.Loaded.Single(p => p.Id == "campaigns.channels.outbox").StageKeys);
        Assert.Equal(["reranker"], catalog.Loaded.Single(p => p.Id == "campaigns.ranking").StageKeys);
        Assert.Equal(["buy-again", "content-based", "ease", "hybrid", "ials", "item-knn", "most-popular", "trending", "user-knn"], catalog.Loaded.Single(p => p.Id == "campaigns.recommenders").StageKeys);
        Assert.Equal(["active-customers", "rule-segment"], catalog.Loaded.Single(p => p.Id == "campaigns.segmentation").StageKeys);
        Assert.Equal(["kmeans-segment", "propensity-segment"], catalog.Loaded.Single(p => p.Id == "campaigns.segmentation.ml").StageKeys);
        Assert.Equal(["bayes-hour-of-week", "fixed-local-time", "median-hour", "purchase-cycle"], catalog.Loaded.Single(p => p.Id == "campaigns.timing").StageKeys);
        Assert.Equal(["ml-engagement"], catalog.Loaded.Single(p => p.Id == "campaigns.timing.ml").StageKeys);
    }

    private string AddBroken(string brokenCase)
    {
        switch (brokenCase)
        {
            case "garbage": return _folders.AddGarbage("Campaigns.TestPlugins.Garbage");
            case "empty": return _folders.AddEmpty("Campaigns.TestPlugins.Empty");
            case "no-manifest": return _folders.AddWithoutManifest();
            case "future-contract": return _folders.AddTestPlugin("Campaigns.TestPlugins.FutureContract");
            case "throwing": return _folders.AddTestPlugin("Campaigns.TestPlugins.Throwing");
            case "clash": return _folders.AddTestPlugin("Campaigns.TestPlugins.Clash");
            case "missing-helper":
                var folder = _folders.AddTestPlugin("Campaigns.TestPlugins.NeedsHelper");
                File.Delete(Path.Combine(folder, "Campaigns.TestPlugins.Helper.dll"));
                return folder;
            default: throw new ArgumentOutOfRangeException(nameof(brokenCase), brokenCase, null);
        }
    }
}
