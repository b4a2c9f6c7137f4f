namespace Campaigns.Scheduling;

/// <summary>Where the scheduler put one message.</summary>
/// <param name="SendAt">The chosen instant; null when the message is dropped.</param>
/// <param name="Code">Null when the strategy's own choice (or an alternative) was feasible in time; else <c>deferred:…</c>,
/// <c>infeasible:…</c> or <c>moved:…</c> with the constraints that refused the better slots (<c>quiet-hours</c>,
/// <c>outside-window</c>, <c>cap:email:day</c>, <c>deadline</c>).</param>
/// <param name="Choice">0: the strategy's slot; k: its k-th alternative; -1: found by searching forward.</param>
public sealed record Placement(DateTimeOffset? SendAt, string? Code, int Choice);
