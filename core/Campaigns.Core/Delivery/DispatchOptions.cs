namespace Campaigns.Delivery;

/// <summary>How the dispatcher claims and retries.</summary>
public sealed record DispatchOptions
{
    /// <summary>Rows claimed and handed to a channel at once.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>How long a claim holds; a host that dies mid-send releases its rows after this.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a transient failure becomes final.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Wait before the first retry; doubles with each attempt.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Who claims, stored on each row for audits.</summary>
    public string Worker { get; init; } = Environment.MachineName + ":" + Environment.ProcessId;
}

/// <summary>Which rows a dispatch may send.</summary>
/// <param name="CampaignId">Only this campaign's rows, when set.</param>
/// <param name="Occurrence">Only this occurrence's rows, when set.</param>
public sealed record DispatchScope(string? CampaignId = null, string? Occurrence = null)
{
    /// <summary>Every due row of every campaign.</summary>
    public static DispatchScope All { get; } = new();
}

/// <summary>What one dispatch did.</summary>
public sealed record DispatchResult(long Claimed, long Sent, long Retrying, long Failed);
