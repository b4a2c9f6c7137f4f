using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Campaigns.Stages;

namespace Campaigns.Plugins.Channels.Outbox;

/// <summary>
/// The one appender of an outbox file in this process. Channel instances of concurrent runs that name the same file
/// share it, so the key index is one and writes never interleave.
/// </summary>
internal sealed class OutboxWriter : IDisposable
{
    private static readonly Dictionary<string, OutboxWriter> Open = new(StringComparer.Ordinal);
    private static readonly Lock OpenGate = new();
    // The file is data, never embedded in HTML: keep non-ASCII text readable instead of \u-escaped.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _path;
    private int _users;
    private FileStream? _stream;
    private Dictionary<string, long> _keys = [];
    private long _lines;
    private bool _torn;

    private OutboxWriter(string path) => _path = path;

    /// <summary>The writer of <paramref name="path"/> (absolute); pair with <see cref="Release"/>.</summary>
    public static OutboxWriter Acquire(string path)
    {
        lock (OpenGate)
        {
            if (!Open.TryGetValue(path, out var writer)) Open[path] = writer = new OutboxWriter(path);
            writer._users++;
            return writer;
        }
    }

    /// <summary>Closes the file once its last user lets go.</summary>
    public void Release()
    {
        lock (OpenGate)
        {
            if (--_users > 0) return;
            Open.Remove(_path);
        }
        Dispose();
    }

    /// <summary>Closes the file; <see cref="Release"/> calls it when the last user lets go.</summary>
    public void Dispose()
    {
        _stream?.Dispose();
        _gate.Dispose();
    }

    /// <summary>Opens the file and indexes the keys it already holds, once.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try { await EnsureOpenAsync(cancellationToken); }
        finally { _gate.Release(); }
    }

    /// <summary>Appends the messages whose keys are new, flushes them to disk, then reports every message sent.</summary>
    public async Task<IReadOnlyList<DeliveryResult>> AppendAsync(IReadOnlyList<OutgoingMessage> messages, DateTimeOffset writtenAt, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureOpenAsync(cancellationToken);
            var buffer = new ArrayBufferWriter<byte>();
            if (_torn) buffer.Write("\n"u8); // end a line torn by a crash so the next line stands alone
            var added = new Dictionary<string, long>(StringComparer.Ordinal);
            var results = new DeliveryResult[messages.Count];
            var line = _lines;
            using var json = new Utf8JsonWriter(buffer, JsonOptions);
            for (var i = 0; i < messages.Count; i++)
            {
                var message = messages[i];
                if (!_keys.TryGetValue(message.Key, out var at) && !added.TryGetValue(message.Key, out at))
                {
                    added[message.Key] = at = ++line;
                    OutboxLine.Write(json, message, writtenAt);
                    json.Reset();
                    buffer.Write("\n"u8);
                }
                results[i] = new DeliveryResult(message.Key, DeliveryStatus.Sent, $"outbox:{at}");
            }
            if (added.Count > 0) Persist(buffer.WrittenSpan);
            foreach (var (key, at) in added) _keys[key] = at;
            (_lines, _torn) = (line, false);
            return results;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // What reached the file is unknown: reopen and re-index next time, so the file stays the truth.
            _stream?.Dispose();
            _stream = null;
            return [.. messages.Select(m => _keys.TryGetValue(m.Key, out var at)
                ? new DeliveryResult(m.Key, DeliveryStatus.Sent, $"outbox:{at}")
                : new DeliveryResult(m.Key, DeliveryStatus.TransientFailure, $"outbox: {ex.Message}"))];
        }
        finally
        {
            _gate.Release();
        }
    }

    // Not cancellable: a batch half on disk would have to be re-indexed; it is one write and one fsync.
    private void Persist(ReadOnlySpan<byte> bytes)
    {
        _stream!.Write(bytes);
        _stream.Flush(flushToDisk: true);
    }

    private async Task EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (_stream is not null) return;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        // Open for append first, then index: nothing this process writes can slip in between.
        var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
        try
        {
            (_keys, _lines, _torn) = await OutboxFile.ScanAsync(_path, cancellationToken);
            _stream = stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }
}
