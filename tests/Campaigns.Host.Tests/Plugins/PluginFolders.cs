namespace Campaigns.Host.Tests.Plugins;

/// <summary>
/// A throw-away plugins folder filled from the build's staged plugins (artifacts/), so tests load plugins from disk
/// exactly as the host does, never through a project reference.
/// </summary>
internal sealed class PluginFolders : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly Lazy<string> RepoRoot = new(FindRepoRoot);

    public PluginFolders()
    {
        Root = Path.Combine(Path.GetTempPath(), "campaigns-tests", Guid.NewGuid().ToString("N"));
        Plugins = Path.Combine(Root, "plugins");
        Data = Path.Combine(Root, "data");
        Directory.CreateDirectory(Plugins);
        Directory.CreateDirectory(Data);
    }

    /// <summary>The five plugins the product ships.</summary>
    public static IReadOnlyList<string> Bundled { get; } =
        ["Campaigns.Plugins.Channels.Outbox", "Campaigns.Plugins.Ranking", "Campaigns.Plugins.Recommenders", "Campaigns.Plugins.Segmentation", "Campaigns.Plugins.Timing"];

    public string Root { get; }

    /// <summary>The plugins folder to point the catalog at.</summary>
    public string Plugins { get; }

    /// <summary>A scratch data folder for stages.</summary>
    public string Data { get; }

    public PluginFolders WithBundled()
    {
        foreach (var name in Bundled) Copy(Path.Combine(RepoRoot.Value, "artifacts", "plugins", Configuration, name), name);
        return this;
    }

    public string AddTestPlugin(string name) => Copy(Path.Combine(RepoRoot.Value, "artifacts", "test-plugins", Configuration, name), name);

    /// <summary>A folder whose main "assembly" is random bytes.</summary>
    public string AddGarbage(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Plugins, name)).FullName;
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(folder, name + ".dll"), bytes);
        return folder;
    }

    public string AddEmpty(string name) => Directory.CreateDirectory(Path.Combine(Plugins, name)).FullName;

    /// <summary>A folder holding an ordinary .NET assembly that carries no plugin manifest.</summary>
    public string AddWithoutManifest()
    {
        const string name = "Campaigns.TestPlugins.Helper";
        var source = Path.Combine(RepoRoot.Value, "artifacts", "test-plugins", Configuration, "Campaigns.TestPlugins.NeedsHelper", name + ".dll");
        var folder = Directory.CreateDirectory(Path.Combine(Plugins, name)).FullName;
        File.Copy(source, Path.Combine(folder, name + ".dll"));
        return folder;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { } // best effort: a temp folder left behind harms nothing
        catch (UnauthorizedAccessException) { }
    }

    private string Copy(string source, string name)
    {
        Assert.True(Directory.Exists(source), $"staged plugin missing: {source} (build tests/Campaigns.Host.Tests first)");
        var target = Path.Combine(Plugins, name);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Campaigns.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Campaigns.sln not found above {AppContext.BaseDirectory}");
    }
}
