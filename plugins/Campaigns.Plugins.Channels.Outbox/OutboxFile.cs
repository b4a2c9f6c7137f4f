using System.Text;
using System.Text.Json;

namespace Campaigns.Plugins.Channels.Outbox;

/// <summary>Reads what an outbox file already holds: the line number of each key, and how many lines there are.</summary>
internal static class OutboxFile
{
    /// <summary>Scans <paramref name="path"/>; a torn last line (a crash mid-write) is counted but its key is not.</summary>
    /// <returns>The keys with their 1-based line numbers, the line count, and whether the file ends mid-line.</returns>
    public static async Task<(Dictionary<string, long> Keys, long Lines, bool Torn)> ScanAsync(string path, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!File.Exists(path)) return (keys, 0, false);

        long lines = 0;
        using (var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), Encoding.UTF8))
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lines++;
                if (KeyOf(line) is { } key) keys.TryAdd(key, lines);
            }
        }
        return (keys, lines, !EndsWithNewLine(path));
    }

    private static string? KeyOf(string line)
    {
        if (string.IsNullOrWhiteSpace(line)) return null;
        try
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null;
        }
        catch (JsonException)
        {
            return null; // a torn line was never reported sent, so its message must be written again
        }
    }

    private static bool EndsWithNewLine(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length == 0) return true;
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }
}
