using System.Globalization;

namespace Campaigns.Data.Migrations;

/// <summary>One schema version's DDL for one dialect, read from the embedded <c>Migrations/&lt;Dialect&gt;/NNNN_name.sql</c> files.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>The scripts of a dialect in version order.</summary>
    public static IReadOnlyList<MigrationScript> For(DatabaseProvider provider)
    {
        var prefix = provider + "/";
        var assembly = typeof(MigrationScript).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
                continue;
            var name = Path.GetFileNameWithoutExtension(resource[prefix.Length..]);
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new MigrationScript(version, name, reader.ReadToEnd()));
        }
        if (scripts.Count == 0)
            throw new InvalidOperationException($"No migration scripts embedded for {provider}.");
        return [.. scripts.OrderBy(s => s.Version)];
    }
}
