using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Campaigns.Plugins.Recommenders;

/// <summary>Options of the <c>hybrid</c> recommender: other recommenders of this plugin, blended with weights.</summary>
/// <remarks>
/// Each child is asked for a deeper list (3 × count, at least 30), then the lists are blended per customer:
/// <c>rank</c> is reciprocal rank fusion, Σ weight / (rank + 60) with rank 1 for the first item; <c>score</c> is
/// Σ weight · score / (the best score in that child's list), negative scores counting 0. Ties keep the first child's
/// order. An item's reason is the reason of the child contributing most to it.
/// </remarks>
public sealed class HybridOptions : IValidatableObject
{
    /// <summary>The children, at least one. Default: <c>buy-again</c> (weight 1) and <c>item-knn</c> (weight 0.3).</summary>
    [Required, MinLength(1)]
    public HybridChild[] Stages { get; set; } =
    [
        new() { Key = "buy-again", Weight = 1 },
        new() { Key = "item-knn", Weight = 0.3 },
    ];

    /// <summary>How the lists are combined: <c>rank</c> (reciprocal rank fusion) or <c>score</c>. Default <c>rank</c>.</summary>
    [Required, AllowedValues("rank", "score", ErrorMessage = "The blend must be 'rank' or 'score'.")]
    public string Blend { get; set; } = "rank";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Stages.Length; i++)
        {
            var child = Stages[i];
            var path = $"stages[{i}]";
            if (child is null)
            {
                yield return new ValidationResult("A child stage must be an object.", [path]);
                continue;
            }
            if (!(child.Weight > 0 && double.IsFinite(child.Weight)))
                yield return new ValidationResult($"The weight of '{child.Key}' must be above 0.", [$"{path}.weight"]);
            if (!HybridChildren.TryGet(child.Key, out var factory))
            {
                yield return new ValidationResult(
                    $"'{child.Key}' is not a recommender the hybrid can blend; use one of: {string.Join(", ", HybridChildren.Keys)}.", [$"{path}.key"]);
                continue;
            }
            foreach (var error in HybridChildren.BindErrors(factory, child.Options, $"{path}.options")) yield return error;
        }
    }
}

/// <summary>One child of the <c>hybrid</c> recommender.</summary>
public sealed class HybridChild
{
    /// <summary>The key of another recommender of this plugin, e.g. <c>buy-again</c>.</summary>
    [Required]
    public string Key { get; set; } = "";

    /// <summary>How much this child counts, above 0. Default 1.</summary>
    public double Weight { get; set; } = 1;

    /// <summary>The child's own options, bound like a stage's <c>options</c>; absent: the child's defaults.</summary>
    public JsonElement? Options { get; set; }
}
