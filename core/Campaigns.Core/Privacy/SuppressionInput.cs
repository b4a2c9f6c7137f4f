using System.Text.RegularExpressions;

namespace Campaigns.Privacy;

/// <summary>Checks a suppression an operator or the API asks for, so the CLI and the API refuse the same things in the same words.</summary>
public static partial class SuppressionInput
{
    /// <summary>The first problem with the entry, as (field, message), or null when it can be listed.</summary>
    public static (string Field, string Message)? Problem(string? customerId, string? channelKind, string? reason)
    {
        if (string.IsNullOrWhiteSpace(customerId)) return ("customerId", "required");
        // A hand-written entry must never pose as (or lift) what erasure left behind.
        if (customerId.StartsWith(SuppressionReasons.ErasedIdPrefix, StringComparison.Ordinal))
            return ("customerId", "an erased customer's entry cannot be written by hand");
        if (string.IsNullOrEmpty(channelKind)) return ("channelKind", "required: a channel kind such as 'email', or '*' for every kind");
        if (!IsKind(channelKind))
            return ("channelKind", $"'{channelKind}' is not a channel kind: use a lower-case word such as 'email', or '*' for every kind");
        if (reason is null || !SuppressionReasons.Settable.Contains(reason))
            return ("reason", $"must be one of {string.Join(", ", SuppressionReasons.Settable)}");
        return null;
    }

    /// <summary>True for a channel kind an entry can be lifted or listed for: a lower-case word or <c>*</c>.</summary>
    public static bool IsKind(string channelKind) => channelKind == SuppressionReasons.AllKinds || KindPattern().IsMatch(channelKind);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex KindPattern();
}
