namespace Campaigns.Data;

/// <summary>A customer as stages see it. Read-only: stages never change customers.</summary>
/// <param name="Id">The shop's customer id.</param>
public sealed record Customer(string Id)
{
    /// <summary>E-mail address, when known.</summary>
    public string? Email { get; init; }

    /// <summary>Phone number in E.164 form, when known.</summary>
    public string? Phone { get; init; }

    /// <summary>IANA time zone, e.g. <c>Europe/London</c>. Every customer has one; <c>UTC</c> when unknown.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Locale, e.g. <c>en-GB</c>, when known.</summary>
    public string? Locale { get; init; }

    /// <summary>Consent per channel kind (<c>email</c>, <c>sms</c>, <c>push</c>, ...). Missing means no consent.</summary>
    public IReadOnlyDictionary<string, bool> Consent { get; init; } = EmptyConsent;

    /// <summary>Free attributes from the shop (name, country, tier...).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = EmptyAttributes;

    /// <summary>True when the customer consented to the given channel kind.</summary>
    public bool HasConsent(string channelKind) => Consent.TryGetValue(channelKind, out var yes) && yes;

    private static readonly IReadOnlyDictionary<string, bool> EmptyConsent = new Dictionary<string, bool>();
    private static readonly IReadOnlyDictionary<string, string> EmptyAttributes = new Dictionary<string, string>();
}
