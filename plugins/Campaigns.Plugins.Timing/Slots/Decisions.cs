using Campaigns.Stages;

namespace Campaigns.Plugins.Timing.Slots;

/// <summary>Turns scored candidates into a <see cref="SendTimeDecision"/> with its alternatives.</summary>
internal static class Decisions
{
    /// <summary>The index of the best score; ties go to the earliest candidate.</summary>
    public static int Best(IReadOnlyList<double> scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Count; i++) if (scores[i] > scores[best]) best = i;
        return best;
    }

    /// <summary>
    /// The decision for candidate <paramref name="chosen"/> sent at <paramref name="sendAt"/>; the other candidates,
    /// best first (ties: earlier first), at most <paramref name="maxAlternatives"/> of them, are the alternatives.
    /// </summary>
    public static SendTimeDecision Build(IReadOnlyList<Candidate> candidates, IReadOnlyList<double> scores, int chosen, DateTimeOffset sendAt,
        string reason, double? probability, int maxAlternatives)
    {
        var alternatives = Enumerable.Range(0, candidates.Count)
            .Where(i => i != chosen)
            .OrderByDescending(i => scores[i]).ThenBy(i => i)
            .Take(maxAlternatives)
            .Select(i => new SlotScore(candidates[i].Start.ToUniversalTime(), scores[i]))
            .ToArray();
        return new SendTimeDecision(sendAt.ToUniversalTime(), reason, probability) { Alternatives = alternatives, Score = scores[chosen] };
    }
}
