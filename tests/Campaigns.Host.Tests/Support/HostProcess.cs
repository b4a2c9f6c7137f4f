using System.Diagnostics;

namespace Campaigns.Host.Tests.Support;

/// <summary>Runs the built host executable with a verb, in its own scratch folder, and captures what it prints.</summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Dictionary<string, string> _environment = new();

    public HostProcess(string? postgresConnectionString = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "campaigns-cli", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        _environment["Campaigns__DataFolder"] = DataFolder;
        _environment["Campaigns__TemplatesFolder"] = Repo.Templates;
        if (postgresConnectionString is not null) _environment["ConnectionStrings__Campaigns"] = postgresConnectionString;
    }

    public string Folder { get; }

    /// <summary>Sets an environment variable of the host process (configuration: <c>Section__Key</c>).</summary>
    public void SetEnvironment(string name, string value) => _environment[name] = value;

    public string DataFolder => Path.Combine(Folder, "data");

    public string Outbox => Path.Combine(DataFolder, "outbox.jsonl");

    public async Task<CliResult> RunAsync(params string[] args)
    {
        Assert.True(File.Exists(Repo.HostDll), $"host not built: {Repo.HostDll}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repo.HostDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
