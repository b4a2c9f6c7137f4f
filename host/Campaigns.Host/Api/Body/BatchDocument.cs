using System.Text.Json;
using Campaigns.Ingest;

namespace Campaigns.Host.Api.Body;

/// <summary>
/// A batch body parsed: the records (a JSON array, or an object whose <c>records</c> property is one) or, when the body
/// is not acceptable, the errors with the record index and field where the reader stopped.
/// </summary>
internal sealed class BatchDocument : IDisposable
{
    private readonly JsonDocument? _document;

    private BatchDocument(JsonDocument? document, IReadOnlyList<JsonElement> records, IReadOnlyList<RecordError> errors, bool tooLarge)
    {
        _document = document;
        Records = records;
        Errors = errors;
        TooLarge = tooLarge;
    }

    /// <summary>The records, in order; empty when <see cref="Errors"/> is not.</summary>
    public IReadOnlyList<JsonElement> Records { get; }

    /// <summary>Why the body was refused (index -1: the body as a whole).</summary>
    public IReadOnlyList<RecordError> Errors { get; }

    /// <summary>True when the body was refused for holding more records than allowed (HTTP 413).</summary>
    public bool TooLarge { get; }

    /// <summary>Parses UTF-8 <paramref name="json"/> within the limits of <paramref name="options"/>.</summary>
    public static BatchDocument Parse(ReadOnlyMemory<byte> json, ApiOptions options)
    {
        if (!System.Text.Unicode.Utf8.IsValid(json.Span))
            return Refused(new RecordError(-1, "", "the body is not valid UTF-8"));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = options.MaxDepth });
        }
        catch (JsonException)
        {
            // Only a body the parser refused pays for the second pass that says in which record and field it broke:
            // on every body it was a second full read of each batch (docs/benchmarks.md, issue 5).
            return Refused(JsonShape.Check(json.Span, options.MaxDepth) ?? new RecordError(-1, "", "is not valid JSON"));
        }
        var root = document.RootElement;
        var array = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("records", out var wrapped) ? wrapped : root;
        if (array.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            return Refused(new RecordError(-1, "", "the body must be a JSON array of records or { \"records\": [ ... ] }"));
        }
        var count = array.GetArrayLength();
        if (count > options.MaxRecords)
        {
            document.Dispose();
            return new BatchDocument(null, [], [new RecordError(-1, "", $"{count} records in one batch; the limit is {options.MaxRecords}")], tooLarge: true);
        }
        var records = new JsonElement[count];
        var i = 0;
        foreach (var record in array.EnumerateArray()) records[i++] = record;
        return new BatchDocument(document, records, [], tooLarge: false);
    }

    /// <summary>A refusal not tied to parsing (a bad line of an NDJSON file, say).</summary>
    public static BatchDocument Refused(params RecordError[] errors) => new(null, [], errors, tooLarge: false);

    /// <summary>Records that live in other documents (the <c>ingest</c> verb parses one per line).</summary>
    public static BatchDocument Of(IReadOnlyList<JsonElement> records) => new(null, records, [], tooLarge: false);

    public void Dispose() => _document?.Dispose();
}
