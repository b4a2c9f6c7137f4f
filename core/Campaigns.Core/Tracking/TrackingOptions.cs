namespace Campaigns.Tracking;

/// <summary>
/// Click, open and unsubscribe tracking (configuration section <c>Campaigns:Tracking</c>). Off until
/// <see cref="BaseUrl"/> is set: links are then rewritten to signed redirects through the host.
/// </summary>
public sealed record TrackingOptions
{
    /// <summary>Tracking off.</summary>
    public static TrackingOptions Off { get; } = new();

    /// <summary>The host's public address, e.g. <c>https://t.shop.example</c>; null: no tracking.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The signing key (at least 32 bytes); every host behind <see cref="BaseUrl"/> must share it.</summary>
    public byte[] Secret { get; init; } = [];

    /// <summary>How long a tracked link or unsubscribe link stays valid (default 90 days).</summary>
    public TimeSpan LinkLifetime { get; init; } = TimeSpan.FromDays(90);

    /// <summary>True when tracking is configured.</summary>
    public bool Enabled => BaseUrl is not null && Secret.Length >= 32;
}
