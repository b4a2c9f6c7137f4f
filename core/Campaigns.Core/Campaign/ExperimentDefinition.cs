namespace Campaigns.Campaign;

/// <summary>
/// A campaign's experiment (docs/experiments.md): message variants with a traffic split, a holdout that receives
/// nothing, and how traffic is allocated (a fixed split or Thompson sampling on a reward).
/// </summary>
/// <param name="Id">The experiment id, the salt of every customer's hash; defaults to the campaign id. Changing it reshuffles everyone.</param>
/// <param name="Variants">The variants, at least one; each overrides some of the campaign's defaults.</param>
/// <param name="HoldoutPercent">Per cent of the audience (0 to 50) that is held out and gets nothing.</param>
/// <param name="Allocation">How traffic is split between the variants.</param>
public sealed record ExperimentDefinition(string Id, IReadOnlyList<VariantDefinition> Variants, double HoldoutPercent, AllocationDefinition Allocation)
{
    /// <summary>The variant name of held-out rows in the ledger and the decision log.</summary>
    public const string Holdout = "holdout";

    /// <summary>The name of the only variant of an experiment that declares none (a holdout-only experiment).</summary>
    public const string DefaultVariant = "default";
}

/// <summary>One message variant; every null override keeps the campaign's own setting.</summary>
/// <param name="Name">Unique within the experiment; stored on every ledger row.</param>
/// <param name="Weight">Relative traffic under a split, and the starting share (round 0) under Thompson sampling.</param>
/// <param name="Subject">Subject template (Scriban) for this variant.</param>
/// <param name="Template">Template file under templates/ for this variant.</param>
/// <param name="TemplateText">Template text (filled from <paramref name="Template"/> when the campaign is saved).</param>
/// <param name="Recommender">Recommender for this variant (the campaign's filters still apply).</param>
/// <param name="Timing">Timing strategy for this variant.</param>
/// <param name="Path">Where the variant sits in the definition, for error messages.</param>
public sealed record VariantDefinition(string Name, double Weight, string? Subject, string? Template, string? TemplateText,
    RecommenderReference? Recommender, StageReference? Timing, string Path);

/// <summary>How traffic is allocated to variants.</summary>
/// <param name="Type"><c>split</c> (fixed weights) or <c>thompson</c> (Thompson sampling, updated from outcomes).</param>
/// <param name="Reward"><c>click</c> or <c>conversion</c> (an attributed purchase).</param>
/// <param name="ExplorationFloor">The least share any variant keeps under Thompson sampling.</param>
/// <param name="UpdateEveryHours">How often a new allocation round is computed.</param>
/// <param name="BySegment">A customer attribute (e.g. <c>country</c>): one allocation per value of it; null for one allocation.</param>
public sealed record AllocationDefinition(string Type, string Reward, double ExplorationFloor, int UpdateEveryHours, string? BySegment)
{
    /// <summary>A fixed split by the variants' weights.</summary>
    public static AllocationDefinition Split { get; } = new("split", "click", 0.05, 24, null);

    /// <summary>True for Thompson sampling.</summary>
    public bool IsThompson => Type == "thompson";
}
