using System.Net.Http.Headers;
using Campaigns.Stages;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Campaigns.Plugins.Channels.Webhook;

/// <summary>
/// POSTs each message to the endpoint, <see cref="WebhookOptions.Concurrency"/> at a time over pooled keep-alive
/// connections. A Polly pipeline (timeout per attempt inside exponential retry with jitter) absorbs 5xx answers,
/// timeouts and connection failures within the send; a 429 is not retried here but handed to the host with its
/// Retry-After, which pauses the provider for every campaign and host.
/// </summary>
internal sealed class WebhookChannel : IDeliveryChannel, IDisposable
{
    private readonly StageContext _context;
    private readonly WebhookOptions _options;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Uri _url;
    private string? _secret;

    public WebhookChannel(StageContext context, WebhookOptions options)
    {
        _context = context;
        _options = options;
        _url = new Uri(options.Url);
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Concurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5), // DNS changes are picked up by long-running hosts
        })
        { Timeout = Timeout.InfiniteTimeSpan }; // the pipeline times each attempt
        _pipeline = BuildPipeline(options, context.Time);
    }

    public string Kind => _options.Kind;

    public Task PrepareAsync(CancellationToken cancellationToken)
    {
        _secret = _options.ResolveSecret();
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        _secret ??= _options.ResolveSecret();
        var results = new DeliveryResult[messages.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, messages.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await SendOneAsync(messages[i], ct));
        return results;
    }

    private async Task<DeliveryResult> SendOneAsync(OutgoingMessage message, CancellationToken ct)
    {
        var body = WebhookPayload.Serialize(message);
        var attempts = 0;
        try
        {
            using var response = await _pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                using var request = Request(message.Key, body);
                return await _http.SendAsync(request, token);
            }, ct);
            return await ResponseOutcome.ReadAsync(message.Key, response, _context.Time.GetUtcNow(), attempts, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            var what = ex is TimeoutRejectedException ? $"timed out after {_options.TimeoutSeconds} s" : ex.Message;
            return new DeliveryResult(message.Key, DeliveryStatus.TransientFailure, $"{what} ({attempts} attempts)");
        }
    }

    private HttpRequestMessage Request(string key, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("Idempotency-Key", key);
        // Signed per attempt: a retry carries a fresh timestamp, so a receiver's replay window stays short.
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(_secret!, _context.Time.GetUtcNow(), body));
        foreach (var (name, value) in _options.Headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(WebhookOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => ResponseOutcome.IsRetriedInCall(r.StatusCode) && r.Headers.RetryAfter is null),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose(); // the failed answer is not read again
                    return default;
                },
            });
        }
        return builder.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds)).Build();
    }

    public void Dispose() => _http.Dispose();
}
