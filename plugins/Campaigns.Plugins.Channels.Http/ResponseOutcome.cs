using System.Net;
using System.Net.Http.Headers;
using Campaigns.Stages;

namespace Campaigns.Plugins.Channels.Http;

/// <summary>What an HTTP answer means for the message: sent, worth retrying (5xx, 408, 429), or refused for good (other 4xx).</summary>
internal static class ResponseOutcome
{
    public static bool IsRetriedInCall(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.RequestTimeout;

    public static async Task<DeliveryResult> ReadAsync(string key, HttpResponseMessage response, DateTimeOffset now, int attempts, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var id = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
            return new DeliveryResult(key, DeliveryStatus.Sent, id ?? $"HTTP {status}");
        }
        var text = await Snippet(response, ct);
        if (response.StatusCode == HttpStatusCode.TooManyRequests || (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null))
            return new DeliveryResult(key, DeliveryStatus.TransientFailure, $"HTTP {status} {text}".TrimEnd()) { RetryAfter = RetryAfter(response.Headers.RetryAfter, now) };
        if (IsRetriedInCall(response.StatusCode))
            return new DeliveryResult(key, DeliveryStatus.TransientFailure, $"HTTP {status} after {attempts} attempts {text}".TrimEnd());
        return new DeliveryResult(key, DeliveryStatus.PermanentFailure, $"HTTP {status} {text}".TrimEnd());
    }

    /// <summary>Retry-After as seconds or as an HTTP date; one second when the provider did not say.</summary>
    private static TimeSpan RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date && date > now) return date - now;
        return TimeSpan.FromSeconds(1);
    }

    private static async Task<string> Snippet(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        body = body.ReplaceLineEndings(" ").Trim();
        return body.Length <= 200 ? body : body[..200] + "…";
    }
}
