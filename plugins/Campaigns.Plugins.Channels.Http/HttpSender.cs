using Polly;
using Polly.Retry;
using Polly.Timeout;
using Campaigns.Stages;

namespace Campaigns.Plugins.Channels.Http;

/// <summary>
/// Sends one request per message over pooled keep-alive connections through a Polly pipeline (a timeout per attempt
/// inside exponential retry with jitter) that absorbs 5xx answers, timeouts and connection failures within the send.
/// A 429 (or 503 with Retry-After) is not retried here but handed to the host with its Retry-After.
/// </summary>
internal sealed class HttpSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeProvider _time;
    private readonly int _timeoutSeconds;

    public HttpSender(HttpSendOptions options, TimeProvider time)
    {
        _time = time;
        _timeoutSeconds = options.TimeoutSeconds;
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Concurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5), // DNS changes are picked up by long-running hosts
        })
        { Timeout = Timeout.InfiniteTimeSpan }; // the pipeline times each attempt
        _pipeline = BuildPipeline(options.TimeoutSeconds, options.MaxRetries, options.RetryDelayMilliseconds, time);
    }

    /// <summary>Sends the request <paramref name="build"/> makes (called again for each attempt) and says what came of it.</summary>
    public async Task<DeliveryResult> SendAsync(string key, Func<HttpRequestMessage> build, Func<HttpResponseMessage, CancellationToken, Task<string?>>? readId, CancellationToken ct)
    {
        var attempts = 0;
        try
        {
            using var response = await _pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                using var request = build();
                return await _http.SendAsync(request, token);
            }, ct);
            var id = response.IsSuccessStatusCode && readId is not null ? await readId(response, ct) : null;
            var result = await ResponseOutcome.ReadAsync(key, response, _time.GetUtcNow(), attempts, ct);
            return id is null ? result : result with { Detail = id };
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            var what = ex is TimeoutRejectedException ? $"timed out after {_timeoutSeconds} s" : ex.Message;
            return new DeliveryResult(key, DeliveryStatus.TransientFailure, $"{what} ({attempts} attempts)");
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(int timeoutSeconds, int maxRetries, int retryDelayMilliseconds, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (maxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(retryDelayMilliseconds),
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
        return builder.AddTimeout(TimeSpan.FromSeconds(timeoutSeconds)).Build();
    }

    public void Dispose() => _http.Dispose();
}
