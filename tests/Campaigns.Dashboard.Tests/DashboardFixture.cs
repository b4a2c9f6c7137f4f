using Microsoft.Playwright;

namespace Campaigns.Dashboard.Tests;

/// <summary>
/// One headless Debian chromium and one real host per test class. The browser is the system's
/// <c>/usr/bin/chromium</c> (scripts/test.sh installs it); Playwright never downloads one.
/// </summary>
public abstract class DashboardFixture : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private HostProcess? _host;

    internal HostProcess Host => _host ?? throw new InvalidOperationException("The fixture is not initialised");

    /// <summary>The base address of the host, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseUrl => Host.BaseUrl;

    /// <summary>A fresh page in its own browser context; dispose the context with <see cref="IPage.Context"/>.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await (_browser ?? throw new InvalidOperationException("The fixture is not initialised")).NewContextAsync(new() { BaseURL = BaseUrl.ToString() });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Prepares the working folder before the host starts; returns the plugins folder to use, or null for the host's own.</summary>
    protected virtual string? PreparePlugins(string workFolder) => null;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (scripts/test.sh does)");

        // The host starts (import, planning) while the browser launches.
        var workFolder = HostProcess.NewWorkFolder();
        var hostStart = HostProcess.StartAsync(workFolder, PreparePlugins(workFolder));
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"],
            });
        }
        finally
        {
            // Whatever happened to the browser, the host is awaited so that DisposeAsync (or the failure below) ends it.
            _host = await hostStart;
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>The host as <c>dotnet run</c> starts it: the bundled plugins and the sample.</summary>
public sealed class SampleHostFixture : DashboardFixture;

/// <summary>The host with the bundled plugins plus <c>Broken.Plugin</c>, whose main assembly is not an assembly at all.</summary>
public sealed class BrokenPluginHostFixture : DashboardFixture
{
    public const string BrokenPlugin = "Broken.Plugin";

    protected override string? PreparePlugins(string workFolder)
    {
        var plugins = Path.Combine(workFolder, "plugins");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.HostPlugins, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(plugins, Path.GetRelativePath(RepoPaths.HostPlugins, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var broken = Directory.CreateDirectory(Path.Combine(plugins, BrokenPlugin)).FullName;
        File.WriteAllBytes(Path.Combine(broken, BrokenPlugin + ".dll"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 + 7))]);
        return plugins;
    }
}
