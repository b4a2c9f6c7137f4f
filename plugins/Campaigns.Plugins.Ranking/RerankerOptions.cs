using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Campaigns.Plugins.Ranking.Candidates;
using Campaigns.Plugins.Ranking.Features;

namespace Campaigns.Plugins.Ranking;

/// <summary>Options of the <c>reranker</c> recommender: candidate sources, the inner label window and the trees.</summary>
/// <remarks>
/// The sources' lists are merged into one candidate set per customer; LightGBM models (by default a LambdaRank ranker and
/// a binary classifier, see <see cref="Objective"/>) order it by features of the customer's own history with each item
/// (frequency, recency, due-ness, units taken), the item (popularity overall and
/// recent, repurchase rate, ramp-up), the customer's rhythm (due-ness, autumn share, order size), what the customer's most similar
/// customers bought lately and each source's score and rank. The model is trained in <c>PrepareAsync</c> on the shop's own past: <see cref="LabelWindows"/> windows of
/// <see cref="LabelDays"/> days before now are the labels, features are computed at each window's start (its inner
/// cutoff), one query group per customer and window; <see cref="Bags"/> rankers are trained and their scores averaged.
/// Defaults were chosen on a validation split (docs/benchmarks.md).
/// </remarks>
public sealed class RerankerOptions : IValidatableObject
{
    /// <summary>Where candidates come from, at least one. Default: buy-again (50 items), item-knn (50) and trending (20).</summary>
    [Required, MinLength(1)]
    public CandidateSourceOptions[] Candidates { get; set; } =
    [
        new() { Key = "buy-again", Depth = 50 },
        new() { Key = "item-knn", Depth = 50 },
        new() { Key = "trending", Depth = 20 },
    ];

    /// <summary>Length in days of each label window (7 to 365). Default 45.</summary>
    [Range(7, 365)]
    public int LabelDays { get; set; } = 45;

    /// <summary>
    /// How many label windows the model learns from (1 to 12), each <see cref="LabelDays"/> long, the first ending at the
    /// anchor and each next one <see cref="WindowStepDays"/> earlier, every one with its own inner cutoff for features and
    /// candidates. More windows give more, and more varied, customers to learn from. Default 4 (with 45-day windows 30
    /// days apart: the last 135 days before the anchor, the recent ones learned from more often).
    /// </summary>
    [Range(1, 12)]
    public int LabelWindows { get; set; } = 4;

    /// <summary>
    /// Days between the ends of consecutive label windows (1 to 365); absent: two thirds of <see cref="LabelDays"/>
    /// (30 with 45-day windows), so consecutive windows overlap by a third. Set it to <see cref="LabelDays"/> for windows
    /// side by side.
    /// </summary>
    [Range(1, 365)]
    public int? WindowStepDays { get; set; }

    /// <summary>The days between the ends of consecutive label windows, <see cref="WindowStepDays"/> or its default.</summary>
    internal int WindowStep => WindowStepDays ?? Math.Max(1, (int)Math.Round(LabelDays * 2 / 3.0));

    /// <summary>
    /// What the trees learn: <c>lambdarank</c> (LightGBM LambdaRank, one query group per customer and window: the order
    /// of the list), <c>binary</c> (LightGBM binary classifier of "bought in the window", candidates ordered by its
    /// score), <c>blend</c> (the bags take turns: LambdaRank, then binary, then LambdaRank...; each ranker's scores are
    /// divided by their spread over its training rows, so both kinds weigh the same in the mean; with one bag it is
    /// <c>lambdarank</c>) or <c>lambdamart</c> (ML.NET's FastTree LambdaMART, the same aim as LambdaRank with a settable
    /// <see cref="Truncation"/>; it wants a larger <see cref="LearningRate"/>, 0.1 to 0.2, and 15 to 20
    /// <see cref="Leaves"/>). Default <c>blend</c>.
    /// </summary>
    [Required, AllowedValues("blend", "lambdarank", "binary", "lambdamart")]
    public string Objective { get; set; } = "blend";

    /// <summary>What bag <paramref name="bag"/> learns: <see cref="Objective"/>, or with <c>blend</c> LambdaRank and binary in turn.</summary>
    internal string ObjectiveOf(int bag) => !Blends ? Objective : bag % 2 == 0 ? "lambdarank" : "binary";

    /// <summary>Whether the bags mix objectives, so each ranker's output is brought to one scale before the mean.</summary>
    internal bool Blends => Objective == "blend";

    /// <summary>
    /// How deep in each list <c>lambdamart</c>'s gradients look (its NDCG truncation), 1 to 1000: 10 concentrates the
    /// trees on the top ten a message shows. Default 10. (LightGBM's LambdaRank keeps its own default.)
    /// </summary>
    [Range(1, 1000)]
    public int Truncation { get; set; } = 10;

    /// <summary>
    /// How many of the customer's most similar customers (cosine of their IDF-weighted item sets) the peer features
    /// read: what those peers bought lately and at all, 0 to 5000; 0 leaves the peer features out. Default 200.
    /// </summary>
    [Range(0, 5000)]
    public int Peers { get; set; } = 200;

    /// <summary>Half-life in days of a peer's purchase in "what peers bought lately" (1 to 365). Default 30.</summary>
    [Range(1, 365)]
    public double PeerHalfLifeDays { get; set; } = 30;

    /// <summary>
    /// Whether the age of the customer's own purchases is read on the calendar year: a purchase more than half a year
    /// old counts as old as its distance to the same date a year on (bought last December, seen in September: about
    /// 100 days, not 270). For shops whose ranges come back every season. Default true.
    /// </summary>
    public bool SeasonalAge { get; set; } = true;

    /// <summary>The options that change what a feature means, for the history of training and of serving alike.</summary>
    internal FeatureSettings Features => new(SeasonalAge, Peers, PeerHalfLifeDays);

    /// <summary>
    /// Where the label window ends: <c>auto</c> (now, or just after the latest matching event when the window ending now
    /// has none, e.g. a historic data set), <c>now</c>, or <c>latest-event</c>. Serving features are computed at the
    /// same instant, so "days since" means the same in training and serving. Default <c>auto</c>.
    /// </summary>
    [Required, AllowedValues("auto", "now", "latest-event")]
    public string Anchor { get; set; } = "auto";

    /// <summary>Boosting rounds (trees), 1 to 2000. Default 100.</summary>
    [Range(1, 2000)]
    public int Trees { get; set; } = 100;

    /// <summary>Leaves per tree, 2 to 1024. Default 7.</summary>
    [Range(2, 1024)]
    public int Leaves { get; set; } = 7;

    /// <summary>Learning rate (shrinkage), above 0 and at most 1. Default 0.05.</summary>
    [Range(1e-6, 1)]
    public double LearningRate { get; set; } = 0.05;

    /// <summary>Fewest training rows in a leaf, 1 to 10000. Default 20.</summary>
    [Range(1, 10_000)]
    public int MinRowsPerLeaf { get; set; } = 20;

    /// <summary>
    /// How many rankers are trained and averaged (1 to 8). Bag b's label windows all end b × <see cref="BagStepDays"/>
    /// earlier than the first bag's, and its seed is <see cref="Seed"/> + b. Default 2.
    /// </summary>
    [Range(1, 8)]
    public int Bags { get; set; } = 2;

    /// <summary>
    /// Days by which each next bag's windows move back (0 to 180). Default 0: every bag learns from the same rows (built
    /// once) and only the seed, and so the features each tree samples, differs.
    /// </summary>
    [Range(0, 180)]
    public int BagStepDays { get; set; }

    /// <summary>Share of the features each tree may split on (LightGBM's feature fraction), above 0 and at most 1. Default 0.5.</summary>
    [Range(0.01, 1)]
    public double FeatureFraction { get; set; } = 0.5;

    /// <summary>L2 regularisation of the leaf values (0 to 1000); absent: ML.NET's LightGBM default.</summary>
    [Range(0, 1000)]
    public double? L2Regularization { get; set; }

    /// <summary>Random seed of the trainer; the same data, options and seed give the same model. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Event types that count as buying, e.g. <c>purchase</c>. Default: <c>["purchase"]</c>.</summary>
    [Required, MinLength(1)]
    public string[] EventTypes { get; set; } = ["purchase"];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Candidates.Length; i++)
        {
            var source = Candidates[i];
            var path = $"candidates[{i}]";
            if (source is null)
            {
                yield return new ValidationResult("A candidate source must be an object.", [path]);
                continue;
            }
            if (source.Depth is < 1 or > 500)
                yield return new ValidationResult($"The depth of '{source.Key}' must be between 1 and 500.", [$"{path}.depth"]);
            if (!CandidateSources.TryGet(source.Key, out var factory))
            {
                yield return new ValidationResult(
                    $"'{source.Key}' is not a candidate source; use one of: {string.Join(", ", CandidateSources.Keys)}.", [$"{path}.key"]);
                continue;
            }
            foreach (var error in Recommenders.HybridChildren.BindErrors(factory, source.Options, $"{path}.options")) yield return error;
        }
    }
}

/// <summary>One candidate source of the <c>reranker</c>.</summary>
public sealed class CandidateSourceOptions
{
    /// <summary>The key of a recommender, e.g. <c>item-knn</c> (see <see cref="CandidateSources.Keys"/>).</summary>
    [Required]
    public string Key { get; set; } = "";

    /// <summary>How many items this source contributes per customer (1 to 500; more when a longer list is asked for). Default 50.</summary>
    public int Depth { get; set; } = 50;

    /// <summary>The source's own options, bound like a stage's <c>options</c>; absent: its defaults.</summary>
    public JsonElement? Options { get; set; }
}
