using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Campaigns.Dashboard.Tests;

/// <summary>
/// The real host (<c>dotnet Campaigns.Host.dll</c>) in its own process, serving on a free loopback port with its
/// working directory and data folder in a fresh temporary folder. Disposing kills the process tree and removes the folder.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    /// <summary>The line the host prints once it serves and the sample campaign is scheduled.</summary>
    public const string ReadyLine = "Campaigns is running";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process, string workFolder, Uri baseUrl)
    {
        _process = process;
        WorkFolder = workFolder;
        BaseUrl = baseUrl;
    }

    /// <summary>The temporary working directory; the data folder is <c>data</c> under it.</summary>
    public string WorkFolder { get; }

    /// <summary>The host's data folder (SQLite database, outbox).</summary>
    public string DataFolder => Path.Combine(WorkFolder, "data");

    /// <summary>The outbox file of the sample campaign.</summary>
    public string OutboxFile => Path.Combine(DataFolder, "outbox.jsonl");

    /// <summary><c>http://127.0.0.1:&lt;port&gt;</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Everything the host printed so far (stdout and stderr), for failure messages.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>A fresh temporary folder for a host; pass it to <see cref="StartAsync"/>, which owns it from then on.</summary>
    public static string NewWorkFolder() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "campaigns-dashboard-" + Guid.NewGuid().ToString("N")[..12])).FullName;

    /// <summary>Starts the host and waits (at most a minute) until it says it is running.</summary>
    /// <param name="workFolder">The working directory, from <see cref="NewWorkFolder"/>.</param>
    /// <param name="pluginsFolder">A plugins folder other than the one next to the host, or null.</param>
    public static async Task<HostProcess> StartAsync(string workFolder, string? pluginsFolder = null)
    {
        if (!File.Exists(RepoPaths.HostDll))
            throw new InvalidOperationException($"The host is not built: {RepoPaths.HostDll} is missing");

        var port = FreeLoopbackPort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet")
        {
            WorkingDirectory = workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     RepoPaths.HostDll,
                     "--urls", baseUrl.ToString().TrimEnd('/'),
                     $"--Campaigns:DataFolder={Path.Combine(workFolder, "data")}",
                     $"--Campaigns:TemplatesFolder={RepoPaths.Templates}",
                 })
            start.ArgumentList.Add(arg);
        if (pluginsFolder is not null) start.ArgumentList.Add($"--Campaigns:PluginsFolder={pluginsFolder}");

        // The host under test gets the embedded default (SQLite, in-memory Hangfire) whatever this machine has set.
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("Campaigns__", StringComparison.OrdinalIgnoreCase) || name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                || name is "ASPNETCORE_URLS" or "DOTNET_URLS" or "ASPNETCORE_HTTP_PORTS" or "ASPNETCORE_HTTPS_PORTS")
                start.Environment.Remove(name);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var host = new HostProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, workFolder, baseUrl);
        host._process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host._process.Exited += (_, _) => host._ready.TrySetException(new InvalidOperationException("The host exited before it was running"));
        try
        {
            host._process.Start();
            host._process.BeginOutputReadLine();
            host._process.BeginErrorReadLine();
            await host._ready.Task.WaitAsync(StartTimeout);
            return host;
        }
        catch (Exception ex)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException($"The host did not print \"{ReadyLine}\" ({ex.Message}). Its output:\n{host.Output}", ex);
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains(ReadyLine, StringComparison.Ordinal)) _ready.TrySetResult();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the host with its whole process tree, waits for it to end, and removes the working folder.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            using var stop = new CancellationTokenSource(StopTimeout);
            await _process.WaitForExitAsync(stop.Token);
        }
        catch (InvalidOperationException)
        {
            // never started, or already gone
        }
        catch (OperationCanceledException)
        {
            // did not end in time; nothing more a test can do
        }
        _process.Dispose();
        try
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
