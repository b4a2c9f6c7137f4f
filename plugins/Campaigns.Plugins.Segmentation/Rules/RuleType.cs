namespace Campaigns.Plugins.Segmentation.Rules;

/// <summary>The three types a rule value can have.</summary>
internal enum RuleType { Number, Text, Boolean }

internal static class RuleTypes
{
    public static string Name(this RuleType type) => type switch { RuleType.Number => "a number", RuleType.Text => "text", _ => "true/false" };
}
