using System.Text.RegularExpressions;

namespace Campaigns.Campaign;

/// <summary>Campaign ids appear in ledger keys, URLs and job arguments, so they are kept to a safe alphabet.</summary>
public static partial class CampaignIds
{
    /// <summary>True when <paramref name="id"/> is lower-case letters, digits and dashes, 1 to 64 characters.</summary>
    public static bool IsValid(string id) => Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Pattern();
}
