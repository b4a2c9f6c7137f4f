namespace Campaigns.Privacy;

/// <summary>
/// The installation's privacy settings. <see cref="Secret"/> keys the HMAC that turns an erased customer's id into
/// the hashed id kept in the ledger and the suppression list; without one (the default) a random secret is
/// generated on first use and kept in the database, so every host of an installation agrees on it.
/// </summary>
public sealed record PrivacyOptions
{
    /// <summary>No configured secret: the database keeps a generated one.</summary>
    public static PrivacyOptions Generated { get; } = new();

    /// <summary>The HMAC key (<c>Campaigns:Privacy:Secret</c>, at least 16 bytes as text), or null to use the stored one.</summary>
    public IReadOnlyList<byte>? Secret { get; init; }
}
