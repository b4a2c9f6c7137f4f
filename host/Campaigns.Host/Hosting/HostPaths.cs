using Campaigns.Planning;

namespace Campaigns.Host.Hosting;

/// <summary>Finds the data and templates folders from configuration, with defaults that work from a clone.</summary>
internal static class HostPaths
{
    /// <summary>
    /// <c>Campaigns:DataFolder</c> (default <c>data</c> under the current directory) and <c>Campaigns:TemplatesFolder</c>
    /// (default: <c>templates</c> under the current directory if it exists, else the copy next to the host).
    /// </summary>
    public static CampaignsPaths Resolve(IConfiguration configuration)
    {
        var data = configuration["Campaigns:DataFolder"] ?? "data";
        var templates = configuration["Campaigns:TemplatesFolder"]
            ?? (Directory.Exists("templates/messages") ? "templates" : Path.Combine(AppContext.BaseDirectory, "templates"));
        return new CampaignsPaths(Path.GetFullPath(data), Path.GetFullPath(templates));
    }
}
