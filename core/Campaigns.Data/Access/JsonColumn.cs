using System.Text.Json;

namespace Campaigns.Data.Access;

/// <summary>Maps, lists and flags stored as JSON text, the one format both databases read and write the same way.</summary>
internal static class JsonColumn
{
    private static readonly IReadOnlyDictionary<string, bool> NoFlags = new Dictionary<string, bool>();
    private static readonly IReadOnlyDictionary<string, string> NoText = new Dictionary<string, string>();

    public static string Write(IReadOnlyDictionary<string, bool> value) => value.Count == 0 ? "{}" : JsonSerializer.Serialize(value);

    public static string Write(IReadOnlyDictionary<string, string> value) => value.Count == 0 ? "{}" : JsonSerializer.Serialize(value);

    public static string Write(IReadOnlyList<string> value) => value.Count == 0 ? "[]" : JsonSerializer.Serialize(value);

    public static IReadOnlyDictionary<string, bool> ReadFlags(string? json) =>
        IsEmpty(json, '{') ? NoFlags : JsonSerializer.Deserialize<Dictionary<string, bool>>(json!) ?? NoFlags;

    public static IReadOnlyDictionary<string, string> ReadText(string? json) =>
        IsEmpty(json, '{') ? NoText : JsonSerializer.Deserialize<Dictionary<string, string>>(json!) ?? NoText;

    public static IReadOnlyList<string> ReadList(string? json) =>
        IsEmpty(json, '[') ? [] : JsonSerializer.Deserialize<string[]>(json!) ?? [];

    // The empty forms are by far the most common; skipping the parser for them keeps 1M-row scans cheap.
    private static bool IsEmpty(string? json, char open) =>
        string.IsNullOrEmpty(json) || (json.Length == 2 && json[0] == open);
}
