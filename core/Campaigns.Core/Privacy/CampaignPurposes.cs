using System.Text.RegularExpressions;

namespace Campaigns.Privacy;

/// <summary>Why a campaign sends: the purpose a customer's consent can be given or refused for (docs/consent.md).</summary>
public static partial class CampaignPurposes
{
    /// <summary>Promotions and newsletters: the default.</summary>
    public const string Marketing = "marketing";

    /// <summary>Messages the customer needs (order, shipping, password): no channel consent required.</summary>
    public const string Transactional = "transactional";

    /// <summary>Personalised product recommendations.</summary>
    public const string Recommendations = "recommendations";

    /// <summary>True for a lower-case word (letters, then letters or dashes; at most 32): it becomes part of a consent key.</summary>
    public static bool IsValid(string purpose) => PurposePattern().IsMatch(purpose);

    [GeneratedRegex("^[a-z][a-z-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex PurposePattern();
}
