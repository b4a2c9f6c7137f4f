namespace Campaigns.Dashboard.Tests;

/// <summary>Where the clone and the built host are, found from the test's own output folder.</summary>
internal static class RepoPaths
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>The repository root: the first folder above the test's output that holds Campaigns.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The host's output folder, built in the same configuration as the tests (the project reference builds it).</summary>
    public static string HostBin => Path.Combine(Root, "host", "Campaigns.Host", "bin", Configuration, "net10.0");

    /// <summary>The host assembly, started with <c>dotnet</c>.</summary>
    public static string HostDll => Path.Combine(HostBin, "Campaigns.Host.dll");

    /// <summary>The bundled plugins the host build copied next to it.</summary>
    public static string HostPlugins => Path.Combine(HostBin, "plugins");

    /// <summary>How many plugins the product ships: one per project folder under plugins/.</summary>
    public static int BundledPluginCount => Directory.GetDirectories(Path.Combine(Root, "plugins"))
        .Count(dir => File.Exists(Path.Combine(dir, Path.GetFileName(dir) + ".csproj")));

    /// <summary>The clone's templates (messages, sample campaign, sample data).</summary>
    public static string Templates => Path.Combine(Root, "templates");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Campaigns.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Campaigns.sln not found above {AppContext.BaseDirectory}");
    }
}
