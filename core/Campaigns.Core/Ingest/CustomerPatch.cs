using Campaigns.Data;

namespace Campaigns.Ingest;

/// <summary>
/// A customer upsert as a writer sent it. Fields not sent keep their stored value; <see cref="Consent"/> and
/// <see cref="Attributes"/> are merged key by key (as Segment and Braze do), an attribute sent as null is removed.
/// </summary>
/// <param name="Id">The shop's customer id.</param>
public sealed record CustomerPatch(string Id)
{
    /// <summary>E-mail address; null clears it.</summary>
    public Sent<string?>? Email { get; init; }

    /// <summary>Phone number; null clears it.</summary>
    public Sent<string?>? Phone { get; init; }

    /// <summary>IANA time zone, already checked.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Locale; null clears it.</summary>
    public Sent<string?>? Locale { get; init; }

    /// <summary>Consent flags to set, keyed <c>channel</c> or <c>channel/purpose</c>; keys not sent keep their value.</summary>
    public IReadOnlyDictionary<string, bool>? Consent { get; init; }

    /// <summary>Attributes to set; a null value removes the attribute; keys not sent keep their value.</summary>
    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }

    /// <summary>The customer as stored after this patch, from the stored one (null when new).</summary>
    public Customer ApplyTo(Customer? stored)
    {
        var before = stored ?? new Customer(Id);
        return before with
        {
            Email = Email is { } email ? email.Value : before.Email,
            Phone = Phone is { } phone ? phone.Value : before.Phone,
            TimeZone = TimeZone ?? before.TimeZone,
            Locale = Locale is { } locale ? locale.Value : before.Locale,
            Consent = Consent is null ? before.Consent : Merge(before.Consent, Consent),
            Attributes = Attributes is null ? before.Attributes : MergeAttributes(before.Attributes, Attributes),
        };
    }

    private static Dictionary<string, bool> Merge(IReadOnlyDictionary<string, bool> stored, IReadOnlyDictionary<string, bool> sent)
    {
        var merged = new Dictionary<string, bool>(stored, StringComparer.Ordinal);
        foreach (var (key, value) in sent) merged[key] = value;
        return merged;
    }

    private static Dictionary<string, string> MergeAttributes(IReadOnlyDictionary<string, string> stored, IReadOnlyDictionary<string, string?> sent)
    {
        var merged = new Dictionary<string, string>(stored, StringComparer.Ordinal);
        foreach (var (key, value) in sent)
        {
            if (value is null) merged.Remove(key);
            else merged[key] = value;
        }
        return merged;
    }
}
