using System.ComponentModel.DataAnnotations;

namespace Campaigns.Plugins.Channels.Http;

/// <summary>How an HTTP channel sends: the options the <c>webhook</c> and <c>http</c> channels share (see <see cref="HttpSender"/>).</summary>
public abstract class HttpSendOptions
{
    /// <summary>Seconds one attempt may take (1–120, default 10).</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Retries after a 5xx or a timeout within one send (0–10, default 3); the ledger retries later beyond that.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay in milliseconds (default 500); doubles with each retry, with jitter.</summary>
    [Range(1, 60_000)]
    public int RetryDelayMilliseconds { get; set; } = 500;

    /// <summary>Requests in flight at once (1–256, default 16).</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 16;
}
