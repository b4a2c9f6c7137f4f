using System.Globalization;
using System.IO.Compression;
using Campaigns.Data;
using Campaigns.Import;

namespace Campaigns.Evaluation;

/// <summary>
/// Reads the MovieLens <c>u.data</c> layout: no header, one rating a line, <c>user TAB item TAB rating TAB unix-seconds</c>
/// (plain or gzip). Each rating is a positive interaction of type <c>purchase</c>, as a generic file without an
/// <c>event_type</c> column is, so every recommender's defaults apply; the rating becomes the weight (quantity).
/// </summary>
/// <remarks>
/// Told apart from the comma-separated formats by content, never by name: the first non-empty line has four
/// tab-separated fields whose first two are non-empty and whose last two are numbers (a header line has names there).
/// </remarks>
internal static class MovieLensFile
{
    /// <summary>True when the first non-empty line of <paramref name="path"/> has the <c>u.data</c> layout.</summary>
    public static bool Matches(string path)
    {
        using var reader = Open(path);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length == 0) continue;
            var fields = line.Split('\t');
            return fields.Length == 4 && fields[0].Trim().Length > 0 && fields[1].Trim().Length > 0 && IsNumber(fields[2])
                && Timestamps.TryParse(fields[3], out _);
        }
        return false;
    }

    /// <summary>Reads every line into <paramref name="events"/> and <paramref name="items"/>; bad lines are counted and the first 100 described.</summary>
    public static ImportResult Read(string path, EventTable events, Dictionary<string, CatalogItem> items, TimeProvider time)
    {
        var started = time.GetTimestamp();
        var errors = new List<ImportError>();
        long lines = 0, bad = 0;
        var samples = new ImportOptions().MaxErrorSamples;
        using var reader = Open(path);
        for (long number = 1; reader.ReadLine() is { } line; number++)
        {
            if (line.Trim().Length == 0) continue;
            lines++;
            if (TryParse(line, out var e, out var error))
            {
                events.Add(e);
                items.TryAdd(e.ItemId, new CatalogItem(e.ItemId, e.ItemId));
            }
            else if (++bad <= samples) errors.Add(new ImportError(number, error));
        }
        return new ImportResult(ImportFormat.MovieLens, lines, events.Count, 0, events.CustomerCount, items.Count, bad, 0, 0, errors,
            time.GetElapsedTime(started));
    }

    private static bool TryParse(string line, out Interaction e, out string error)
    {
        (e, error) = (null!, "");
        var fields = line.Split('\t');
        if (fields.Length != 4) return Fail(out error, $"expected 4 tab-separated fields (user, item, rating, timestamp), found {fields.Length}");
        var (user, item) = (fields[0].Trim(), fields[1].Trim());
        if (user.Length == 0) return Fail(out error, "user is empty");
        if (item.Length == 0) return Fail(out error, "item is empty");
        if (!double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var rating) || !double.IsFinite(rating))
            return Fail(out error, $"rating '{fields[2]}' is not a number");
        if (!Timestamps.TryParse(fields[3], out var at)) return Fail(out error, $"timestamp '{fields[3]}' is neither Unix seconds nor ISO 8601");
        e = new Interaction(user, item, InteractionTypes.Purchase, at, rating);
        return true;
    }

    private static bool Fail(out string error, string message)
    {
        error = message;
        return false;
    }

    private static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value);

    /// <summary>A line reader over the file, decompressing when it starts with the gzip magic bytes.</summary>
    private static StreamReader Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return new StreamReader(ImportSource.IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : file);
    }
}
