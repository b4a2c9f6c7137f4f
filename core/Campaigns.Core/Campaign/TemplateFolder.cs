namespace Campaigns.Campaign;

/// <summary>
/// The folder message templates are read from (<c>templates/</c> of the repository, copied next to the host).
/// Paths in definitions are relative to it and may not leave it.
/// </summary>
public sealed class TemplateFolder(string root)
{
    /// <summary>The absolute root.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Reads a template by its relative path; null and a reason when it can't.</summary>
    public string? TryRead(string relativePath, out string error)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            error = $"template path '{relativePath}' leaves the templates folder";
            return null;
        }
        if (!File.Exists(full))
        {
            error = $"template '{relativePath}' not found under {Root}";
            return null;
        }
        error = "";
        return File.ReadAllText(full);
    }
}
