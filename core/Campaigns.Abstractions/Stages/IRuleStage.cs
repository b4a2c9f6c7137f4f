using Campaigns.Data;

namespace Campaigns.Stages;

/// <summary>An eligibility gate: decides, for each customer of a batch, whether the message may be sent, and if not, why.</summary>
public interface IRuleStage : ICampaignStage
{
    /// <summary>One verdict per customer, in the order of <paramref name="customers"/>.</summary>
    Task<IReadOnlyList<RuleVerdict>> EvaluateAsync(IReadOnlyList<Customer> customers, RuleRequest request, CancellationToken cancellationToken);
}

/// <summary>What a rule knows about the message being planned.</summary>
/// <param name="ChannelKind">The kind of the campaign's channel: <c>email</c>, <c>sms</c>, <c>push</c>, <c>webhook</c>, <c>file</c>.</param>
public sealed record RuleRequest(string ChannelKind);

/// <summary>A rule's decision for one customer.</summary>
/// <param name="Allowed">True when the rule lets the message through.</param>
/// <param name="Reason">Why not, as a short machine-readable code such as <c>no-consent:email</c>; null when allowed.</param>
public sealed record RuleVerdict(bool Allowed, string? Reason)
{
    /// <summary>The message may be sent.</summary>
    public static RuleVerdict Allow { get; } = new(true, null);

    /// <summary>The message must not be sent, for <paramref name="reason"/>.</summary>
    public static RuleVerdict Deny(string reason) => new(false, reason);
}
