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
public sealed record SendTimeDecision(DateTimeOffset SendAt, string Reason, double? Probability = null);
