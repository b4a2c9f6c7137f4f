using System.Text.Json;

namespace Campaigns.Campaign;

/// <summary>A campaign as a marketer defines it (JSON, see docs/campaign-definition.md and its JSON Schema).</summary>
public sealed record CampaignDefinition(
    string Id,
    string Name,
    StageReference Audience,
    IReadOnlyList<StageReference> Rules,
    RecommenderReference Recommender,
    MessageDefinition Message,
    StageReference Timing,
    StageReference Channel,
    ScheduleDefinition Schedule)
{
    /// <summary>When messages may leave and what happens when they cannot (see <see cref="DeliveryDefinition"/>).</summary>
    public DeliveryDefinition Delivery { get; init; } = DeliveryDefinition.Default;

    /// <summary>Why the campaign sends (<c>marketing</c> by default, <c>transactional</c>, <c>recommendations</c>...): the consent it needs, see docs/consent.md.</summary>
    public string Purpose { get; init; } = Privacy.CampaignPurposes.Marketing;

    /// <summary>For <c>schedule.type = trigger</c>: what starts a message, its delay and what cancels it (docs/triggers.md); null otherwise.</summary>
    public Triggers.TriggerDefinition? Trigger { get; init; }

    /// <summary>
    /// <c>timing.exploration</c>: the share of planned customers (0–1, 0 = off) sent in a uniformly drawn hour of the
    /// send window instead of the timing stage's choice, each slot decision logged with its propensity and the
    /// customer's activity hours, so that other timing strategies can be evaluated off-policy (docs/experiments.md).
    /// Null when absent: slot decisions log no features. 0 logs them without exploring (for a stage that explores itself).
    /// </summary>
    public double? TimingExploration { get; init; }

    /// <summary>Variants, holdout and allocation (docs/experiments.md); null when the campaign runs no experiment.</summary>
    public ExperimentDefinition? Experiment { get; init; }
}

/// <summary>Names a stage by key, with the options bound to that stage's options class.</summary>
/// <param name="Key">The stage key, e.g. <c>most-popular</c>.</param>
/// <param name="Options">The raw options object; null when absent.</param>
/// <param name="Path">Where this reference sits in the definition, e.g. <c>$.rules[1]</c>, for error messages.</param>
public record StageReference(string Key, JsonElement? Options, string Path);

/// <summary>The recommender stage plus how many items each customer gets and the business filters applied to its lists.</summary>
/// <param name="Key">The stage key.</param>
/// <param name="Options">The raw options object; null when absent.</param>
/// <param name="Path">Where this reference sits in the definition.</param>
/// <param name="Count">Items per customer.</param>
/// <param name="Filters">The <c>filters</c> object; null when absent.</param>
public sealed record RecommenderReference(string Key, JsonElement? Options, string Path, int Count, RecommendationFilters? Filters = null)
    : StageReference(Key, Options, Path);

/// <summary>The message: a Scriban template file (or inline text) and an optional subject template.</summary>
/// <param name="Template">Path of the template under the templates folder, e.g. <c>messages/bestsellers.txt.scriban</c>.</param>
/// <param name="TemplateText">The template's text. Filled from <paramref name="Template"/> when the campaign is saved, so a stored version never changes under its feet.</param>
/// <param name="Subject">Subject template (Scriban), optional.</param>
/// <param name="Format"><c>text</c> or <c>html</c>; in html, every value from the model is HTML-escaped.</param>
public sealed record MessageDefinition(string? Template, string? TemplateText, string? Subject, string Format);

/// <summary>When the campaign runs.</summary>
/// <param name="Type"><c>now</c>, <c>at</c>, <c>cron</c> or <c>trigger</c> (planned from events, see <see cref="CampaignDefinition.Trigger"/>).</param>
/// <param name="At">For <c>at</c>: the instant.</param>
/// <param name="Cron">For <c>cron</c>: a five-field cron expression.</param>
/// <param name="TimeZone">For <c>cron</c>: the IANA zone the expression is read in (default UTC).</param>
public sealed record ScheduleDefinition(string Type, DateTimeOffset? At, string? Cron, string TimeZone);

/// <summary>One problem in a campaign definition.</summary>
/// <param name="Path">JSON path of the offending value, e.g. <c>$.recommender.options.windowDays</c>.</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record DefinitionError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>A campaign definition was rejected; <see cref="Errors"/> lists every problem with its JSON path.</summary>
public sealed class CampaignDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception("invalid campaign definition:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
