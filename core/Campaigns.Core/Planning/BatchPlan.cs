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
}
