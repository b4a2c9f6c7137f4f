using Campaigns.Data;

namespace Campaigns.Stages;

/// <summary>Chooses when each customer should receive the message.</summary>
public interface ISendTimeStage : ICampaignStage
{
    /// <summary>One decision per customer, in the order of <paramref name="customers"/>.</summary>
    Task<IReadOnlyList<SendTimeDecision>> ChooseAsync(IReadOnlyList<Customer> customers, SendTimeRequest request, CancellationToken cancellationToken);
}

/// <summary>The bounds of the decision.</summary>
/// <param name="Earliest">Nothing may be sent before this instant (the occurrence's start).</param>
/// <param name="Deadline">Nothing should be sent after this instant, if set.</param>
public sealed record SendTimeRequest(DateTimeOffset Earliest, DateTimeOffset? Deadline);

/// <summary>When to send to one customer.</summary>
/// <param name="SendAt">The chosen instant.</param>
/// <param name="Reason">Short machine-readable reason, e.g. <c>fixed:10:00 Europe/London</c>.</param>
/// <param name="Probability">For exploring strategies, the probability with which this slot was chosen; null when deterministic.</param>
public sealed record SendTimeDecision(DateTimeOffset SendAt, string Reason, double? Probability = null)
{
    /// <summary>
    /// Since contract 1.2: the other slots the strategy would accept, best first, each with its score. The host's
    /// scheduler falls back to them, in order, when <see cref="SendAt"/> is not feasible (quiet hours, a frequency
    /// cap, the deadline); they are also stored with the decision. Empty: the scheduler searches forward from
    /// <see cref="SendAt"/> on its own.
    /// </summary>
    public IReadOnlyList<SlotScore> Alternatives { get; init; } = [];

    /// <summary>Since contract 1.2: the score of <see cref="SendAt"/> on the same scale as <see cref="Alternatives"/>; null when the strategy does not score.</summary>
    public double? Score { get; init; }
}

/// <summary>One candidate send slot and how good the strategy thinks it is (higher is better; e.g. an engagement probability).</summary>
/// <param name="Start">The slot's first instant.</param>
/// <param name="Score">The strategy's score.</param>
public sealed record SlotScore(DateTimeOffset Start, double Score);
