using Campaigns.Learning.OffPolicy;
using Campaigns.Learning.OffPolicy.Timing;
using Campaigns.Storage;

namespace Campaigns.Host.Cli;

/// <summary>
/// Turns logged slot decisions into what a timing candidate is evaluated on: the local hour taken (the action), its
/// propensity, the window's candidate hours and the activity profile. Decisions without a logged hour were planned
/// without <c>timing.exploration</c> and cannot be evaluated; a log whose every propensity is 1 did not explore.
/// </summary>
internal static class SlotChoices
{
    /// <summary>Why off-policy evaluation of timing needs exploration, for the verb's error.</summary>
    public const string NeedsExploration =
        "off-policy evaluation of a timing strategy needs slot decisions logged with exploration: set \"exploration\" in the campaign's " +
        "timing block (for example \"timing\": { \"key\": \"fixed-local-time\", \"exploration\": 0.2 }, see docs/experiments.md) and evaluate the occurrences planned after that";

    private static readonly string[] AllHours = [.. Enumerable.Range(0, 24).Select(SlotFeatures.Label)];

    /// <summary>The choice for one slot decision, or null when it logged no local hour.</summary>
    public static LoggedChoice? From(LoggedDecision decision, double reward, out bool mislogged)
    {
        ArgumentNullException.ThrowIfNull(decision);
        mislogged = false;
        if (decision.Features?.GetValueOrDefault(SlotFeatures.Hour) is not { } hour) return null;
        if (decision.Candidates?.TryGetValue(hour, out var listed) == true) mislogged = Math.Abs(listed - decision.Probability) > 1e-9;
        // A stage that explored on its own logs only its choice's probability: any hour of the day may then have been its candidate.
        return new LoggedChoice(hour, decision.Probability, reward)
        {
            Options = decision.Candidates is { Count: > 0 } candidates ? [.. candidates.Keys] : AllHours,
            Features = decision.Features,
        };
    }

    /// <summary>Null when the log can support a timing estimate; else the reason it cannot.</summary>
    public static string? Refusal(string campaign, long slotDecisions, IReadOnlyList<LoggedChoice> evaluable)
    {
        ArgumentNullException.ThrowIfNull(evaluable);
        if (evaluable.Count == 0)
            return $"campaign '{campaign}': none of its {slotDecisions:N0} slot decisions logged a local hour; {NeedsExploration}";
        if (evaluable.All(c => c.Propensity >= 1 - 1e-12))
            return $"campaign '{campaign}': every one of its {evaluable.Count:N0} slot decisions was logged with probability 1 (no exploration), so no other timing strategy can be valued from them; {NeedsExploration}";
        return null;
    }
}
