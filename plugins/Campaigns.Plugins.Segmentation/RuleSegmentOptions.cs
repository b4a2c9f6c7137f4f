using System.ComponentModel.DataAnnotations;
using Campaigns.Plugins.Segmentation.Rules;

namespace Campaigns.Plugins.Segmentation;

/// <summary>Options of the <c>rule-segment</c> audience.</summary>
/// <remarks>
/// The audience is every customer whose profile satisfies <see cref="Expression"/>, e.g.
/// <c>orders_90d &gt;= 2 and days_since_last_order &gt; 30 and affinity("KITCHEN") &gt; 0.2</c>. The language (fields,
/// functions, operators) is described in docs/profiles.md. The rule is checked when the campaign is validated; a mistake
/// is reported with its position and, for a misspelt name, the nearest known one.
/// </remarks>
public sealed class RuleSegmentOptions : IValidatableObject
{
    /// <summary>The rule, required.</summary>
    [Required]
    public string Expression { get; set; } = "";

    /// <summary>
    /// <c>compiled</c> (default): the rule runs as a compiled delegate. <c>interpreted</c>: the reference tree-walking
    /// evaluator, slower; kept for benchmarks and cross-checks.
    /// </summary>
    [Required, AllowedValues("compiled", "interpreted")]
    public string Evaluator { get; set; } = "compiled";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Expression)) yield break;
        if (RuleProgram.Problem(Expression) is { } problem) yield return new ValidationResult(problem, [nameof(Expression)]);
    }
}
