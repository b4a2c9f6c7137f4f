namespace Campaigns.Host.Tests.Support;

/// <summary>Where the repository and the built host are, for tests that run the real host.</summary>
internal static class Repo
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Campaigns.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Campaigns.sln not found above {AppContext.BaseDirectory}");
    });

    public static string Root => RootPath.Value;

    public static string Templates => Path.Combine(Root, "templates");

    public static string SampleCampaign => Path.Combine(Templates, "campaigns", "sample-bestsellers.json");

    public static string SampleData => Path.Combine(Templates, "sample-data", "online-retail-sample.csv.gz");

    /// <summary>The host as built (with its plugins folder), run as a separate process like a user would.</summary>
    public static string HostDll => Path.Combine(Root, "host", "Campaigns.Host", "bin", Configuration, "net10.0", "Campaigns.Host.dll");

    /// <summary>The bundled plugins as the build staged them.</summary>
    public static string StagedPlugins => Path.Combine(Root, "artifacts", "plugins", Configuration);
}
