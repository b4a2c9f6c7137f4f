using Campaigns.Data;

namespace Campaigns.Plugins.Segmentation.Rules;

/// <summary>A rule parsed, checked and made runnable: the one entry point the stage and the options validation use.</summary>
internal sealed class RuleProgram
{
    private RuleProgram(Func<CustomerProfile, IReadOnlyDictionary<string, string>, bool> matches, TypeChecker checker)
    {
        Matches = matches;
        Fields = [.. checker.Fields];
        UsesAttributes = checker.UsesAttributes;
    }

    /// <summary>True when the customer with this profile and these attributes is in the segment.</summary>
    public Func<CustomerProfile, IReadOnlyDictionary<string, string>, bool> Matches { get; }

    /// <summary>The profile fields and functions the rule reads, for previews.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>True when the rule calls <c>attr(...)</c>, so customers must be read along with profiles.</summary>
    public bool UsesAttributes { get; }

    /// <summary>Checks <paramref name="text"/>; throws <see cref="RuleException"/> with the position of the first mistake.</summary>
    public static RuleProgram Compile(string text, bool interpreted = false)
    {
        var root = Parser.Parse(text);
        var checker = TypeChecker.CheckCondition(root);
        return new RuleProgram(interpreted ? (p, a) => RuleInterpreter.Matches(root, p, a) : RuleCompiler.Compile(root), checker);
    }

    /// <summary>Null when <paramref name="text"/> is a valid rule, else the first mistake with its position.</summary>
    public static string? Problem(string text)
    {
        try
        {
            TypeChecker.CheckCondition(Parser.Parse(text));
            return null;
        }
        catch (RuleException ex)
        {
            return ex.Message;
        }
    }
}
