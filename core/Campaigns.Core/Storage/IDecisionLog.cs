namespace Campaigns.Storage;

/// <summary>
/// The decision log: every choice the pipeline made for a customer (variant, recommended items, send slot) with the
/// probability it was made with and the policy and model that made it. Off-policy evaluation and audits read it;
/// outcomes join it by <see cref="LoggedDecision.DeliveryKey"/>. Appending the same (delivery key, kind) twice keeps the first.
/// </summary>
public interface IDecisionLog
{
    /// <summary>Appends decisions; a (delivery key, kind) already logged is left as it is (re-planning is idempotent).</summary>
    Task AppendAsync(IReadOnlyList<LoggedDecision> decisions, CancellationToken cancellationToken);

    /// <summary>A campaign's decisions of one kind (all kinds when null), oldest first, in batches, each with its observed outcome.</summary>
    IAsyncEnumerable<IReadOnlyList<LoggedOutcome>> ReadAsync(string campaignId, string? kind, int batchSize, CancellationToken cancellationToken);
}

/// <summary>The kinds of decision the pipeline logs.</summary>
public static class DecisionKinds
{
    /// <summary>Which experiment variant (or holdout) a customer got; <see cref="LoggedDecision.Chosen"/> is the variant name.</summary>
    public const string Variant = "variant";

    /// <summary>Which items were recommended; <see cref="LoggedDecision.Chosen"/> is the item ids joined by ','.</summary>
    public const string Items = "items";

    /// <summary>Which send slot was taken; <see cref="LoggedDecision.Chosen"/> is the slot's UTC instant, ISO 8601.</summary>
    public const string Slot = "slot";
}

/// <summary>One logged decision.</summary>
/// <param name="DeliveryKey">The ledger key of the message the decision was for (the holdout's row too).</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="CampaignVersion">Its version.</param>
/// <param name="Occurrence">The occurrence planned.</param>
/// <param name="CustomerId">The customer (erased customers are replaced by their hash).</param>
/// <param name="Kind">One of <see cref="DecisionKinds"/>.</param>
/// <param name="Policy">What decided: <c>thompson</c>, <c>split</c>, a timing strategy's key, a recommender's key.</param>
/// <param name="PolicyVersion">Which version of it: the allocation round, the campaign version.</param>
/// <param name="Chosen">The action taken.</param>
/// <param name="Probability">The probability with which <paramref name="Chosen"/> was taken (1 when deterministic).</param>
/// <param name="At">When it was decided.</param>
public sealed record LoggedDecision(
    string DeliveryKey, string CampaignId, int CampaignVersion, string Occurrence, string CustomerId, string Kind,
    string Policy, string PolicyVersion, string Chosen, double Probability, DateTimeOffset At)
{
    /// <summary>The model artefact version behind the decision, when a trained model made it.</summary>
    public string? ModelVersion { get; init; }

    /// <summary>Every action the policy could have taken, with its probability (needed to evaluate other policies).</summary>
    public IReadOnlyDictionary<string, double>? Candidates { get; init; }

    /// <summary>The features the decision used, coarse and without personal data (segment, recency bucket, ...).</summary>
    public IReadOnlyDictionary<string, string>? Features { get; init; }
}

/// <summary>A decision with what followed: the message's state, whether it was opened or clicked, and attributed revenue.</summary>
public sealed record LoggedOutcome(LoggedDecision Decision, string? DeliveryState, bool Opened, bool Clicked, int Conversions, decimal Revenue);
