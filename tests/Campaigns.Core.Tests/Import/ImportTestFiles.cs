using System.IO.Compression;
using System.Text;

namespace Campaigns.Core.Tests.Import;

/// <summary>Temporary CSV files for one test class, deleted with it, and the paths of the repository's data.</summary>
public sealed class ImportTestFiles : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("campaigns-import-").FullName;

    /// <summary>Writes <paramref name="text"/> to a new file, gzipped when asked; the name does not decide the format.</summary>
    public string Write(string text, bool gzip = false, string name = "data.csv")
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}-{name}");
        using var file = File.Create(path);
        using Stream target = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        target.Write(Encoding.UTF8.GetBytes(text));
        return path;
    }

    /// <summary>The temporary folder the files are written to.</summary>
    public string Folder => _dir;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The directory that holds Campaigns.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Campaigns.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Campaigns.sln not found above {AppContext.BaseDirectory}");
    }
}
