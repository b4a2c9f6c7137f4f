using Campaigns.Data;
using Campaigns.Experiments;
using Campaigns.Stages;
using Campaigns.Storage;

namespace Campaigns.Planning;

/// <summary>A batch's ledger rows before the scheduler has placed them: planned rows still carry the strategy's preferred time.</summary>
/// <param name="Rows">One row per customer of the batch.</param>
/// <param name="Pending">The planned rows that need a slot.</param>
/// <param name="Assignments">Where each customer who passed consent and rules landed (variant or holdout), by customer id, for the decision log.</param>
internal sealed record BatchPlan(List<LedgerEntry> Rows, List<PendingSlot> Pending, Dictionary<string, VariantAssignment> Assignments)
{
    /// <summary>The slot decisions' logged hour, candidates and activity by customer id, when the campaign explores send hours.</summary>
    public Dictionary<string, SlotChoice> Slots { get; } = new(StringComparer.Ordinal);
}

/// <summary>A planned row waiting for its slot.</summary>
/// <param name="Index">Its position in <see cref="BatchPlan.Rows"/>.</param>
/// <param name="Customer">The recipient (id and zone).</param>
/// <param name="Ranked">The slots to try first, best first: the strategy's choice and its alternatives (or just the start, when sending now).</param>
/// <param name="Decision">The timing stage's decision, stored with the row.</param>
/// <param name="Strategy">The key of the timing stage that decided (the variant's).</param>
internal sealed record PendingSlot(int Index, Customer Customer, IReadOnlyList<DateTimeOffset> Ranked, SendTimeDecision Decision, string Strategy)
{
    /// <summary>The registry version of the timing model that decided (written into the decision); null when the stage fitted its own.</summary>
    public string? Model { get; init; }

    /// <summary>This row's own earliest send time when it differs from the batch's (a trigger moment); null: the batch's.</summary>
    public DateTimeOffset? Earliest { get; init; }
}

/// <summary>One customer's trigger moment in a batch planned for many moments at once.</summary>
/// <param name="Occurrence">The moment's occurrence id (<c>cart-abandoned:mug:20261130T090000000Z</c>), part of the ledger key.</param>
/// <param name="ItemId">The trigger item.</param>
/// <param name="At">When the moment happened (the row's <c>triggered_at</c>).</param>
/// <param name="Earliest">The moment plus the delay, or now when that is past: the message is not sent before it.</param>
internal sealed record CustomerMoment(string Occurrence, string ItemId, DateTimeOffset At, DateTimeOffset Earliest);
