using Campaigns.Message;
using Campaigns.Scheduling;
using Campaigns.Stages;

namespace Campaigns.Campaign;

/// <summary>
/// A validated campaign version turned into a pipeline: each stage's registration with its bound options, the
/// compiled template and the schedule. Built once per campaign version and reused by every run and dispatch.
/// </summary>
public sealed class CompiledCampaign(
    CampaignDefinition definition,
    int version,
    BoundStage audience,
    IReadOnlyList<BoundStage> rules,
    BoundStage recommender,
    BoundStage timing,
    BoundStage channel,
    MessageTemplate template,
    CampaignSchedule schedule)
{
    /// <summary>The definition.</summary>
    public CampaignDefinition Definition { get; } = definition;

    /// <summary>The campaign id.</summary>
    public string Id => Definition.Id;

    /// <summary>The stored version this was compiled from.</summary>
    public int Version { get; } = version;

    /// <summary>The audience stage.</summary>
    public BoundStage Audience { get; } = audience;

    /// <summary>The rule stages, applied in order; the first that denies gives the reason.</summary>
    public IReadOnlyList<BoundStage> Rules { get; } = rules;

    /// <summary>The recommender stage.</summary>
    public BoundStage Recommender { get; } = recommender;

    /// <summary>The timing stage.</summary>
    public BoundStage Timing { get; } = timing;

    /// <summary>The delivery channel.</summary>
    public BoundStage Channel { get; } = channel;

    /// <summary>The compiled message template.</summary>
    public MessageTemplate Template { get; } = template;

    /// <summary>The schedule.</summary>
    public CampaignSchedule Schedule { get; } = schedule;

    /// <summary>
    /// The message variants, each with its own recommender, timing and template (the campaign's where it overrides
    /// nothing). A campaign without an experiment has one unnamed variant: its own stages.
    /// </summary>
    public IReadOnlyList<CompiledVariant> Variants { get; init; } =
        [new CompiledVariant(null, 1, recommender, definition.Recommender, timing, definition.Timing.Key, template)];
}

/// <summary>One variant's stage set.</summary>
/// <param name="Name">The variant name; null when the campaign has no experiment.</param>
/// <param name="Weight">Its declared weight (the split, and the starting share of a bandit).</param>
/// <param name="Recommender">Its recommender.</param>
/// <param name="RecommenderReference">Its recommender as defined: count and filters.</param>
/// <param name="Timing">Its timing stage.</param>
/// <param name="TimingKey">The timing stage's key, the policy of its slot decisions.</param>
/// <param name="Template">Its compiled message.</param>
public sealed record CompiledVariant(string? Name, double Weight, BoundStage Recommender, RecommenderReference RecommenderReference,
    BoundStage Timing, string TimingKey, MessageTemplate Template);

/// <summary>A registered stage with the options a definition bound to it.</summary>
public sealed record BoundStage(StageRegistration Registration, object Options)
{
    /// <summary>Builds a fresh stage instance for one run.</summary>
    public T Create<T>(StageContext context) where T : ICampaignStage => (T)Registration.Create(context, Options);
}
