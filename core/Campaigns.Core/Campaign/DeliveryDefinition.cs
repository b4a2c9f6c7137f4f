using Campaigns.Scheduling;

namespace Campaigns.Campaign;

/// <summary>
/// The <c>delivery</c> block of a campaign: when its messages may leave, in each customer's own zone, and what happens
/// to a message that has no such time. The host's frequency caps and provider rate limits apply on top.
/// </summary>
public sealed record DeliveryDefinition
{
    /// <summary>The default: any time, quiet hours from the host, no deadline, defer up to 7 days.</summary>
    public static DeliveryDefinition Default { get; } = new();

    /// <summary>Local time of day messages may go out, e.g. 09:00–20:00; null: any time.</summary>
    public LocalTimeRange? Window { get; init; }

    /// <summary>Local quiet hours for this campaign; null with <see cref="InheritQuietHours"/>: the host's.</summary>
    public LocalTimeRange? QuietHours { get; init; }

    /// <summary>True unless the definition set <c>quietHours</c> (to a range, or to <c>false</c> for none).</summary>
    public bool InheritQuietHours { get; init; } = true;

    /// <summary>Hours after the occurrence starts by which every message should be out; null: no deadline.</summary>
    public int? DeadlineHours { get; init; }

    /// <summary>What to do with a message that has no feasible slot before the deadline.</summary>
    public InfeasiblePolicy WhenInfeasible { get; init; } = InfeasiblePolicy.Defer;

    /// <summary>How many days past the deadline (or past the start, without one) a slot is searched for.</summary>
    public int DeferDays { get; init; } = 7;

    /// <summary>True for transactional campaigns that the host's frequency caps must not hold back (they still count).</summary>
    public bool IgnoreFrequencyCaps { get; init; }

    /// <summary>The provider whose rate limit the messages count against; null: the channel's key.</summary>
    public string? Provider { get; init; }
}

/// <summary>What the scheduler does when no slot before the deadline satisfies quiet hours, the window and the caps.</summary>
public enum InfeasiblePolicy
{
    /// <summary>Take the first feasible slot after the deadline (within <see cref="DeliveryDefinition.DeferDays"/>); the row says <c>deferred:…</c>.</summary>
    Defer,

    /// <summary>Do not send; the row is suppressed with <c>infeasible:…</c>.</summary>
    Drop,
}
