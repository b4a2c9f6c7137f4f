using System.IO.Compression;
using CsvHelper;

namespace Campaigns.Import;

/// <summary>One open pass over an import file: plain or gzip CSV, told apart by content, never by name.</summary>
internal sealed class ImportSource : IDisposable
{
    // Line-oriented files: a stray quote must cost one line, not swallow the rest of the file.
    private static readonly CsvReaderOptions CsvOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        PoolStrings = true, // stock codes, countries and dates repeat on most lines
        TrackLineNumbers = true,
        AllowLineBreaksInQuotes = false,
    };

    private readonly CountingStream _counter;

    private ImportSource(CountingStream counter, CsvReader reader, long totalBytes)
    {
        _counter = counter;
        Reader = reader;
        TotalBytes = totalBytes;
    }

    /// <summary>The CSV reader, positioned before the header.</summary>
    public CsvReader Reader { get; }

    /// <summary>Size of the file on disk.</summary>
    public long TotalBytes { get; }

    /// <summary>Bytes of the file consumed so far (compressed bytes for gzip).</summary>
    public long BytesRead => _counter.BytesRead;

    /// <summary>Opens <paramref name="path"/> for one sequential pass.</summary>
    public static ImportSource Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            var gzip = IsGzip(file);
            var counter = new CountingStream(file);
            Stream content = gzip ? new GZipStream(counter, CompressionMode.Decompress) : counter;
            return new ImportSource(counter, CsvReader.Create(content, CsvOptions, leaveOpen: false), file.Length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Dispose() => Reader.Dispose();

    /// <summary>True when the file starts with the gzip magic bytes 1F 8B; the stream is rewound.</summary>
    internal static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }
}
