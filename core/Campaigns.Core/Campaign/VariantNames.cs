using System.Text.RegularExpressions;

namespace Campaigns.Campaign;

/// <summary>Variant names are stored on every ledger row and shown in reports: a short, safe alphabet.</summary>
internal static partial class VariantNames
{
    public static bool IsValid(string name) => name != ExperimentDefinition.Holdout && Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex Pattern();
}
