namespace Campaigns.Scheduling;

/// <summary>
/// The host's delivery rules, the same for every campaign and every host sharing the database (configuration section
/// <c>Campaigns:Delivery</c>): frequency caps per channel kind, default quiet hours, provider rate limits.
/// </summary>
public sealed record DeliveryPolicy
{
    /// <summary>No caps, no quiet hours, no rate limits.</summary>
    public static DeliveryPolicy None { get; } = new();

    /// <summary>Caps per channel kind (<c>email</c>, <c>sms</c>, <c>push</c>, <c>webhook</c>, <c>file</c>), counted across all campaigns.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FrequencyCap>> FrequencyCaps { get; init; } =
        new Dictionary<string, IReadOnlyList<FrequencyCap>>(StringComparer.Ordinal);

    /// <summary>Quiet hours for campaigns that do not set their own.</summary>
    public LocalTimeRange? QuietHours { get; init; }

    /// <summary>Rate limits by provider name (a campaign's <c>delivery.provider</c>, else its channel key).</summary>
    public IReadOnlyDictionary<string, ProviderLimit> Providers { get; init; } =
        new Dictionary<string, ProviderLimit>(StringComparer.Ordinal);

    /// <summary>The caps for one channel kind; empty when none is configured.</summary>
    public IReadOnlyList<FrequencyCap> CapsFor(string channelKind) => FrequencyCaps.GetValueOrDefault(channelKind) ?? [];
}

/// <summary>How fast one provider may be sent to, by all campaigns and hosts together.</summary>
/// <param name="RatePerSecond">Messages per second, at most, in any one-second interval.</param>
public sealed record ProviderLimit(double RatePerSecond);
