using Campaigns.Data;

namespace Campaigns.Privacy;

/// <summary>
/// Whether a customer may be sent on a channel kind for a purpose. Consent keys are <c>"&lt;kind&gt;"</c> and
/// <c>"&lt;kind&gt;/&lt;purpose&gt;"</c> (the format the customer API documents). The rule (docs/consent.md): the kind's
/// consent must be true and the purpose's must not be false; an explicit opt-out of a purpose wins. A transactional
/// message needs no kind consent (like Braze's transactional e-mail) but still obeys an explicit
/// <c>"&lt;kind&gt;/transactional": false</c>.
/// </summary>
public static class ConsentPolicy
{
    /// <summary>The consent key of a purpose on a channel kind, e.g. <c>email/marketing</c>.</summary>
    public static string Key(string channelKind, string purpose) => channelKind + "/" + purpose;

    /// <summary>Null when the customer may be sent; otherwise the ledger reason, <c>no-consent:email</c> or <c>no-consent:email/marketing</c>.</summary>
    public static string? Refusal(Customer customer, string channelKind, string purpose)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var purposeKey = Key(channelKind, purpose);
        if (customer.Consent.TryGetValue(purposeKey, out var forPurpose) && !forPurpose) return "no-consent:" + purposeKey;
        if (purpose == CampaignPurposes.Transactional) return null;
        return customer.HasConsent(channelKind) ? null : "no-consent:" + channelKind;
    }
}
