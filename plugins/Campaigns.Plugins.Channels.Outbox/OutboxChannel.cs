using Campaigns.Stages;

namespace Campaigns.Plugins.Channels.Outbox;

/// <summary>A channel that appends each message as one JSON line to a file, at most once per key.</summary>
internal sealed class OutboxChannel : IDeliveryChannel, IDisposable
{
    private readonly StageContext _context;
    private readonly OutboxWriter _writer;
    private bool _disposed;

    public OutboxChannel(StageContext context, OutboxOptions options)
    {
        _context = context;
        // Path.Combine keeps an absolute option as it is and puts a relative one under the data folder.
        _writer = OutboxWriter.Acquire(Path.GetFullPath(Path.Combine(context.DataFolder, options.Path)));
    }

    /// <inheritdoc />
    public string Kind => "file";

    /// <inheritdoc />
    public async ValueTask PrepareAsync(CancellationToken cancellationToken) => await _writer.OpenAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _writer.AppendAsync(messages, _context.Time.GetUtcNow(), cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _writer.Release();
    }
}
