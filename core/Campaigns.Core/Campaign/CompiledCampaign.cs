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
}

/// <summary>A registered stage with the options a definition bound to it.</summary>
public sealed record BoundStage(StageRegistration Registration, object Options)
{
    /// <summary>Builds a fresh stage instance for one run.</summary>
    public T Create<T>(StageContext context) where T : ICampaignStage => (T)Registration.Create(context, Options);
}
