namespace Campaigns.Host.Cli;

/// <summary>A verb's stdout is its result: logs go to stderr, and only warnings and errors unless CAMPAIGNS_VERBOSE is set.</summary>
internal static class VerbLogging
{
    public static void UseVerbLogging(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CAMPAIGNS_VERBOSE")))
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Campaigns"] = "Warning" });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
