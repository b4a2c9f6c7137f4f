using System.Reflection;
using Campaigns.Stages;

namespace Campaigns.Host.Plugins;

/// <summary>A plugin cannot be used, for the reason in the message.</summary>
internal sealed class PluginLoadException : Exception
{
    public PluginLoadException(string message) : base(message) { }

    public PluginLoadException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>Turns whatever a broken plugin threw into a reason an operator can act on.</summary>
internal static class PluginFailure
{
    /// <summary>The reason; a missing or unloadable dependency anywhere in the chain is named first, as it is the cause.</summary>
    public static string Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (DescribeLoadProblem(e) is { } problem)
                return exception is StageRegistrationException ? $"{problem} (while registering)" : problem;
        }
        return exception is PluginLoadException or StageRegistrationException
            ? exception.Message
            : $"{exception.GetType().Name}: {exception.Message}";
    }

    private static string? DescribeLoadProblem(Exception e) => e switch
    {
        ReflectionTypeLoadException r => r.LoaderExceptions.FirstOrDefault(x => x is not null) is { } first
            ? DescribeLoadProblem(first) ?? $"a type could not be loaded: {first.Message}"
            : "the plugin's types could not be loaded",
        BadImageFormatException b => $"not a .NET assembly: {Path.GetFileName(b.FileName) ?? b.Message}",
        FileNotFoundException f => $"missing dependency: {f.FileName ?? f.Message}",
        FileLoadException f => $"dependency could not be loaded: {f.FileName}: {f.Message}",
        TypeLoadException t => $"missing type {t.TypeName} (a dependency is missing or of another version): {t.Message}",
        _ => null,
    };
}
