using System.Net.Http.Headers;
using Campaigns.Stages;

namespace Campaigns.Plugins.Channels.Http;

/// <summary>POSTs each message as signed JSON, <see cref="HttpSendOptions.Concurrency"/> at a time (see <see cref="HttpSender"/>).</summary>
internal sealed class WebhookChannel(StageContext context, WebhookOptions options) : IDeliveryChannel, IDisposable
{
    private readonly HttpSender _sender = new(options, context.Time);
    private readonly Uri _url = new(options.Url);
    private string? _secret;

    public string Kind => options.Kind;

    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        _secret = options.ResolveSecret();
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        _secret ??= options.ResolveSecret();
        var results = new DeliveryResult[messages.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, messages.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var body = WebhookPayload.Serialize(messages[i]);
                results[i] = await _sender.SendAsync(messages[i].Key, () => Request(messages[i].Key, body), null, ct);
            });
        return results;
    }

    private HttpRequestMessage Request(string key, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("Idempotency-Key", key);
        // Signed per attempt: a retry carries a fresh timestamp, so a receiver's replay window stays short.
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(_secret!, context.Time.GetUtcNow(), body));
        foreach (var (name, value) in options.Headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    public void Dispose() => _sender.Dispose();
}
