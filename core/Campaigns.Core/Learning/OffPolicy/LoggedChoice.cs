namespace Campaigns.Learning.OffPolicy;

/// <summary>
/// One logged decision as the off-policy estimators see it: the action the logging policy took, the probability it
/// took it with, the reward that followed, and the context cell the reward model may condition on.
/// </summary>
/// <param name="Action">The action taken (a variant name, a send hour).</param>
/// <param name="Propensity">The logging policy's probability of that action, as logged.</param>
/// <param name="Reward">What followed (1/0 for a click or a conversion).</param>
/// <param name="Cell">A coarse context (a segment) the doubly robust reward model conditions on; null for none.</param>
public sealed record LoggedChoice(string Action, double Propensity, double Reward, string? Cell = null)
{
    /// <summary>
    /// The actions this decision could have taken (a send slot's candidate hours); null when every decision had the
    /// same actions (variants). A candidate that reads the context picks among these.
    /// </summary>
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>What the logging policy knew of the customer that a candidate may read (a 24-hour activity profile); null for none.</summary>
    public IReadOnlyDictionary<string, string>? Features { get; init; }
}
