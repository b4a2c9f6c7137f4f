using System.Text.Json;
using Campaigns.Host.Api;
using Campaigns.Ingest;

namespace Campaigns.Host.Cli;

/// <summary>
/// <c>ingest &lt;events|customers|catalog&gt; &lt;file.ndjson&gt;</c>: one JSON record per line, through the same validation and
/// writer as the REST API. All or nothing: one bad line and nothing is stored; errors are <c>file:line: field: message</c>.
/// </summary>
internal sealed class IngestVerb : ICliVerb
{
    public string Name => "ingest";
    public string Usage => "ingest <events|customers|catalog> <file.ndjson>   one JSON record per line, as the REST API takes them; nothing stored if any line is bad";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length != 2 || Kind(args[0]) is not { } kind)
        {
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }
        var path = args[1];
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"{path}: no such file");
            return 2;
        }
        var options = services.GetRequiredService<ApiOptions>();
        var (records, lines, errors) = await ReadAsync(path, options.MaxDepth);
        try
        {
            // Lines that are not JSON stand in as null; the other lines are still checked so every error is listed at once.
            var result = await services.GetRequiredService<BatchIngest>().IngestAsync(kind, [.. records.Select(r => r.RootElement)],
                store: errors.Count == 0, CancellationToken.None);
            var unreadable = errors.Select(e => e.Index).ToHashSet();
            foreach (var error in errors.Concat(result.Errors.Where(e => !unreadable.Contains(e.Index))).OrderBy(e => e.Index))
                Console.Error.WriteLine($"{path}:{(error.Index < 0 ? 0 : lines[error.Index])}: {(error.Field.Length > 0 ? error.Field + ": " : "")}{error.Message}");
            if (errors.Count + result.Errors.Count > 0)
            {
                Console.Error.WriteLine($"{path}: nothing stored");
                return 1;
            }
            Console.WriteLine($"{path}: {result.Received:N0} records: stored {result.Stored:N0}, duplicates {result.Duplicates:N0}");
            return 0;
        }
        finally
        {
            foreach (var record in records) record.Dispose();
        }
    }

    private static RecordKind? Kind(string name) => name switch
    {
        "events" => RecordKind.Events,
        "customers" => RecordKind.Customers,
        "catalog" => RecordKind.Catalog,
        _ => null,
    };

    /// <summary>The records of the non-blank lines, the line number of each, and one error per line that is not JSON.</summary>
    private static async Task<(List<JsonDocument> Records, List<int> Lines, List<RecordError> Errors)> ReadAsync(string path, int maxDepth)
    {
        var records = new List<JsonDocument>();
        var lines = new List<int>();
        var errors = new List<RecordError>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            lines.Add(number);
            try
            {
                // A line is a record: one level less than a body's array.
                records.Add(JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = maxDepth - 1 }));
            }
            catch (JsonException ex)
            {
                errors.Add(new RecordError(lines.Count - 1, "", $"is not valid JSON: {ex.Message}"));
                records.Add(JsonDocument.Parse("null"));
            }
        }
        return (records, lines, errors);
    }
}
