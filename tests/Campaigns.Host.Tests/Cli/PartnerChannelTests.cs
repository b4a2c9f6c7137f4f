using System.Diagnostics;
using System.Text.Json.Nodes;
using Campaigns.Host.Tests.Support;

namespace Campaigns.Host.Tests.Cli;

/// <summary>
/// A channel partner's path: a plugin project outside the solution (tests/partner-channel), built against the
/// contract assembly only, dropped into the host's plugins folder; a campaign switched to it by configuration sends
/// through it, with no change to the product.
/// </summary>
public sealed class PartnerChannelTests
{
    [Fact]
    public async Task A_channel_built_outside_the_solution_is_dropped_in_and_a_campaign_sends_through_it()
    {
        using var host = new HostProcess();
        var plugins = Path.Combine(host.Folder, "plugins");
        CopyFolder(Path.Combine(Path.GetDirectoryName(Repo.HostDll)!, "plugins"), plugins);
        await BuildPartnerAsync(Path.Combine(plugins, "Acme.Channels.Pigeon"));
        host.SetEnvironment("Campaigns__PluginsFolder", plugins);

        var listed = await host.RunAsync("plugins");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains("acme.pigeon", listed.Out, StringComparison.Ordinal);
        Assert.Contains("pigeon", listed.Out, StringComparison.Ordinal);

        Assert.Equal(0, (await host.RunAsync("import", Repo.SampleData)).ExitCode);
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Repo.SampleCampaign))!;
        definition["id"] = "by-pigeon";
        definition["channel"] = JsonNode.Parse("""{ "key": "pigeon", "options": { "loft": "loft.txt" } }""");
        var path = Path.Combine(host.Folder, "by-pigeon.json");
        await File.WriteAllTextAsync(path, definition.ToJsonString());

        var run = await host.RunAsync("run", path);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = await File.ReadAllLinesAsync(Path.Combine(host.DataFolder, "loft.txt"));
        Assert.NotEmpty(lines);
        Assert.Contains($"delivered: {lines.Length} sent", run.Out, StringComparison.Ordinal);
        Assert.Equal(lines.Length, lines.Select(l => l.Split('|')[0]).Distinct().Count());
        Assert.All(lines, l => Assert.StartsWith("by-pigeon:once:", l, StringComparison.Ordinal));
    }

    /// <summary>Builds the partner project against the host's copy of the contract, straight into its plugin folder.</summary>
    private static async Task BuildPartnerAsync(string output)
    {
        var project = Path.Combine(Repo.Root, "tests", "partner-channel", "Acme.Channels.Pigeon", "Acme.Channels.Pigeon.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "build", project, "-c", "Release", "-o", output, "-nologo", "-p:ContractFolder=" + Path.GetDirectoryName(Repo.HostDll) })
            start.ArgumentList.Add(arg);
        // The test host runs under MSBuild-related variables of `dotnet test`; a nested build must not inherit them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"partner build failed:\n{await stdout}\n{await stderr}");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
