using System.Text;
using System.Text.Json;
using Campaigns.Ingest;

namespace Campaigns.Host.Api.Body;

/// <summary>
/// One forward-only pass over a body before it is parsed into a document: finds bad JSON and nesting beyond the limit
/// and says in which record and field, which the document parser's exception cannot.
/// </summary>
internal static class JsonShape
{
    /// <summary>The first problem found, or null when the body is well-formed JSON within <paramref name="maxDepth"/>.</summary>
    public static RecordError? Check(ReadOnlySpan<byte> json, int maxDepth)
    {
        // The reader may nest one level deeper than allowed so that this pass, not the reader, reports the excess.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        var recordDepth = 1; // records are the elements of the top-level array, or of "records" one level down
        var index = -1;
        var path = new List<string>();
        try
        {
            while (reader.Read())
            {
                var depth = reader.CurrentDepth;
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    if (depth == 1 && name == "records") recordDepth = 2;
                    if (depth >= recordDepth + 1)
                    {
                        // depth of a property of the record is recordDepth + 1; keep one name per level
                        var level = depth - recordDepth - 1;
                        if (path.Count > level) path.RemoveRange(level, path.Count - level);
                        path.Add(name);
                    }
                    continue;
                }
                if (depth == recordDepth && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject))
                {
                    index++;
                    path.Clear();
                }
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && depth + 1 > maxDepth)
                    return new RecordError(index, string.Join('.', path), $"nests deeper than {maxDepth} levels (the limit Campaigns:Api:MaxDepth)");
            }
            return null;
        }
        catch (JsonException ex)
        {
            var message = new StringBuilder("is not valid JSON");
            if (ex.BytePositionInLine is { } at) message.Append($" (byte {at + 1} of line {(ex.LineNumber ?? 0) + 1})");
            return new RecordError(index, string.Join('.', path), message.ToString());
        }
    }
}
