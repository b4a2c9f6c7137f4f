using Microsoft.AspNetCore.Http.Features;

namespace Campaigns.Host.Api.Body;

/// <summary>Reads a request body into memory, refusing one larger than the limit before it is all read.</summary>
internal static class RequestBody
{
    /// <summary>The body's bytes (without a UTF-8 byte order mark), or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext context, long maxBytes, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.ContentLength > maxBytes) return null;
        // Our limit, not Kestrel's 30 MB default, decides (and a chunked body has no length to check up front).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = maxBytes + 1;

        using var body = new MemoryStream((int)Math.Min(request.ContentLength ?? 64 * 1024, maxBytes));
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (body.Length + read > maxBytes) return null;
            body.Write(chunk, 0, read);
        }
        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
        return bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
    }
}
