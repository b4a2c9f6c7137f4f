using Campaigns.Scheduling;
using Campaigns.Stages;
using Campaigns.Storage;

namespace Campaigns.Planning;

/// <summary>
/// Gives each planned row of a batch its slot through the <see cref="SlotScheduler"/> and writes the batch to the
/// ledger. When the channel kind has frequency caps the placing happens inside the ledger's capped insert, against
/// the customers' contact history as it stands under the cap lock.
/// </summary>
internal sealed class LedgerPlacement(SlotScheduler scheduler, string channelKind, DateTimeOffset earliest, PlanMode mode, CampaignRunInfo run)
{
    public async Task<(IReadOnlyList<LedgerEntry> Rows, int Inserted)> InsertAsync(BatchPlan plan, ILedgerStore ledger, CancellationToken ct)
    {
        if (!scheduler.CountsContacts)
        {
            var rows = Apply(plan, null);
            return (rows, await ledger.InsertAsync(rows, ct));
        }
        IReadOnlyList<LedgerEntry> placed = [];
        var inserted = await ledger.InsertCappedAsync(Scope(plan), history => placed = Apply(plan, history), ct);
        return (placed, inserted);
    }

    /// <summary>The batch's rows with every pending row placed (or suppressed when no slot is feasible).</summary>
    public IReadOnlyList<LedgerEntry> Apply(BatchPlan plan, ContactHistory? history)
    {
        var rows = plan.Rows.ToArray();
        foreach (var pending in plan.Pending)
        {
            var zone = CustomerZones.Find(pending.Customer.TimeZone);
            var placement = scheduler.Place(pending.Customer.Id, zone, pending.Ranked, pending.Earliest ?? earliest, history);
            var row = rows[pending.Index];
            var decision = DecisionRecord.Write(pending.Strategy, pending.Decision, placement, pending.Model);
            rows[pending.Index] = placement.SendAt is { } at
                ? row with { SendAt = at, Reason = placement.Code, LocalDay = LocalClock.DayOf(at, zone), Decision = decision }
                : row with { State = DeliveryState.Suppressed, Reason = placement.Code, Subject = null, Body = null, Decision = decision };
        }
        return rows;
    }

    /// <summary>Which history the batch needs: its customers, from the week before the first possible day to the last.</summary>
    public ContactScope Scope(BatchPlan plan)
    {
        // Zones are at most 14 hours from UTC: a day either side of the UTC dates covers every local day.
        var first = DateOnly.FromDateTime(earliest.UtcDateTime).DayNumber - 1;
        var last = DateOnly.FromDateTime(scheduler.Horizon(Latest ?? earliest).UtcDateTime).DayNumber + 1;
        return new ContactScope(channelKind, [.. plan.Pending.Select(p => p.Customer.Id)], first - 6, last + 6, (run.CampaignId, run.Occurrence));
    }

    /// <summary>The latest earliest-start of the batch's rows when they differ (trigger moments); null: all start at the batch's.</summary>
    public DateTimeOffset? Latest { get; init; }

    /// <summary>The slots to try first for a decision: its own and its alternatives, or only the start when sending now.</summary>
    public IReadOnlyList<DateTimeOffset> Ranked(SendTimeDecision decision, DateTimeOffset? start = null) => mode == PlanMode.SendNow
        ? [start ?? earliest]
        : [decision.SendAt, .. decision.Alternatives.Select(a => a.Start)];
}
