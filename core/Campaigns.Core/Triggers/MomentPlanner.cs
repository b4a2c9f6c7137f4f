using System.Diagnostics;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Planning;
using Campaigns.Scheduling;
using Campaigns.Stages;
using Campaigns.Storage;
using Campaigns.Tracking;

namespace Campaigns.Triggers;

/// <summary>
/// Plans the moments of one trigger campaign from one micro-batch through the scheduled planner's own parts: consent,
/// suppression list, rules, recommender (with the trigger item), render, scheduler and the (capped) ledger insert. Before
/// that, a moment whose cancel event is already stored, or that falls in the customer's cooldown, gets a suppressed row.
/// All moments go through one planner pass (a customer with two moments in the batch takes a second pass), so the cost
/// of a batch follows its customers, not its distinct occurrences.
/// </summary>
internal sealed class MomentPlanner(TriggerStages prepared, ICatalogReader catalog, ICustomerReader customers, ITriggerStore store,
    ILedgerStore ledger, Privacy.SuppressionCheck suppressions, LinkRewriter links, DeliveryPolicy policy, TimeProvider time)
{
    private const string Step = "main";

    /// <summary>Where every decision taken for a triggered message is logged, as for a scheduled one.</summary>
    public required IDecisionLog Decisions { get; init; }

    /// <summary>The experiment's allocation rounds: a triggered campaign may run variants and a holdout too.</summary>
    public required IAllocationStore Allocations { get; init; }

    /// <summary>The host's global control group.</summary>
    public required Experiments.GlobalControl GlobalControl { get; init; }

    /// <summary>Per-phase timing of each batch, for <c>bench triggers</c>.</summary>
    public TriggerPhases? Phases { get; init; }

    public async Task<TriggerResult> PlanAsync(CompiledCampaign campaign, IReadOnlyList<TriggerWork> moments, CancellationToken ct)
    {
        var trigger = campaign.Definition.Trigger!;
        var now = time.GetUtcNow();
        var fresh = moments.Where(m => m.DueAt >= now - TimeSpan.FromHours(trigger.MaxLateHours)).ToList();
        var ignored = moments.Count - fresh.Count;
        if (fresh.Count == 0) return TriggerResult.Empty with { Ignored = ignored };

        var started = Stopwatch.GetTimestamp();
        var stages = await prepared.GetAsync(campaign, ct);
        try
        {
            var lookups = await TriggerLookups.ReadAsync(campaign, fresh, stages.Stages.ChannelKind, customers, store, suppressions, catalog, ct);
            foreach (var item in lookups.TriggerItems) stages.Items[item.Id] = item;
            started = Phases?.Lap(TriggerPhases.Lookups, started) ?? started;

            var cooldown = TimeSpan.FromHours(trigger.CooldownHours);
            var suppressed = new List<LedgerEntry>();
            var passes = new List<Dictionary<string, (TriggerWork Moment, Customer Customer)>>();
            var seen = new HashSet<(string, string)>();
            foreach (var moment in fresh.OrderBy(m => m.DueAt))
            {
                if (!lookups.Customers.TryGetValue(moment.CustomerId!, out var customer)) { ignored++; continue; }
                var occurrence = moment.Occurrence;
                var cancel = lookups.CancelEvents[customer.Id].FirstOrDefault(e => e.OccurredAt > moment.At && (trigger.CancelMatch == CancelMatch.Customer || e.ItemId == moment.ItemId));
                var mine = lookups.Contacts.TryGetValue(customer.Id, out var list) ? list : lookups.Contacts[customer.Id] = [];
                if (cancel is not null)
                    suppressed.Add(Suppressed(campaign, stages.Stages.ChannelKind, moment, customer.Id, "cancelled:" + cancel.Type));
                else if (cooldown > TimeSpan.Zero && mine.Any(c => c.Occurrence != occurrence && (c.SendAt - moment.DueAt).Duration() < cooldown))
                    suppressed.Add(Suppressed(campaign, stages.Stages.ChannelKind, moment, customer.Id, $"cooldown:{trigger.CooldownHours}h"));
                else if (seen.Add((customer.Id, occurrence)))
                {
                    mine.Add(new TriggeredContact(customer.Id, occurrence, moment.DueAt));
                    // A customer's second moment in the batch (no cooldown, or far apart) goes to the next pass: one row per customer per pass.
                    var pass = passes.FirstOrDefault(p => !p.ContainsKey(customer.Id));
                    if (pass is null) passes.Add(pass = new Dictionary<string, (TriggerWork, Customer)>(StringComparer.Ordinal));
                    pass[customer.Id] = (moment, customer);
                }
            }
            var result = await InsertAsync(campaign, stages, passes, suppressed, lookups.Suppressions, now, started, ct);
            return result with { Ignored = result.Ignored + ignored };
        }
        finally
        {
            await prepared.ReleaseAsync(stages);
        }
    }

    private async Task<TriggerResult> InsertAsync(CompiledCampaign campaign, TriggerStages.Prepared stages, List<Dictionary<string, (TriggerWork Moment, Customer Customer)>> passes,
        List<LedgerEntry> suppressed, PrefetchedSuppressions listed, DateTimeOffset now, long started, CancellationToken ct)
    {
        var trigger = campaign.Definition.Trigger!;
        var kind = stages.Stages.ChannelKind;
        var scheduler = new SlotScheduler(campaign.Definition.Delivery, policy, kind);
        var tally = new PlanTally();
        var run = new CampaignRunInfo(campaign.Id, campaign.Version, "trigger");
        var assigner = await Experiments.VariantAssigner.CreateAsync(campaign.Definition, GlobalControl, Allocations, ct);
        var plans = new List<(LedgerPlacement Placement, BatchPlan Plan)>();
        foreach (var pass in passes)
        {
            // The message is due at the moment plus the delay (now, if that is past); the scheduler may still move it.
            var own = pass.Values.ToDictionary(p => p.Customer.Id, p => new CustomerMoment(p.Moment.Occurrence, p.Moment.ItemId, p.Moment.At,
                p.Moment.DueAt > now ? p.Moment.DueAt : now), StringComparer.Ordinal);
            var (earliest, latest) = (own.Values.Min(m => m.Earliest), own.Values.Max(m => m.Earliest));
            var placement = new LedgerPlacement(scheduler, kind, earliest, PlanMode.SendNow, run) { Latest = latest };
            var planner = new BatchPlanner(campaign, run, stages.Stages, assigner, catalog, stages.Items, placement, earliest, scheduler.Deadline(earliest), stages.Filtering, listed, links)
            {
                Moments = own,
                LeadReason = TriggerKinds.ShowsTriggerItem(trigger.On) ? "trigger:" + trigger.On : null,
            };
            plans.Add((placement, await planner.PlanAsync([.. pass.Values.Select(p => p.Customer)], tally, ct)));
        }
        started = Phases?.Lap(TriggerPhases.Planning, started) ?? started;

        IReadOnlyList<LedgerEntry> rows = [];
        int inserted;
        if (!scheduler.CountsContacts || plans.Count == 0)
        {
            rows = [.. plans.SelectMany(p => p.Placement.Apply(p.Plan, null)), .. suppressed];
            inserted = await ledger.InsertAsync(rows, ct);
        }
        else
        {
            var scopes = plans.Select(p => p.Placement.Scope(p.Plan)).ToList();
            var scope = new ContactScope(kind, [.. scopes.SelectMany(s => s.CustomerIds).Distinct(StringComparer.Ordinal)], scopes.Min(s => s.FromDay), scopes.Max(s => s.ToDay));
            inserted = await ledger.InsertCappedAsync(scope, history => rows = [.. plans.SelectMany(p => p.Placement.Apply(p.Plan, history)), .. suppressed], ct);
        }
        tally.Record(rows, inserted);
        // As for a scheduled run: after the ledger write, the variant, items and slot of every row (the log keeps the first).
        var assignments = plans.SelectMany(p => p.Plan.Assignments).DistinctBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        await Decisions.AppendAsync(Experiments.DecisionEntries.For(rows, assignments, stages.Stages, run, now), ct);
        Phases?.Lap(TriggerPhases.Insert, started);
        var done = tally.ToResult(run, TimeSpan.Zero);
        return new TriggerResult(done.Planned, done.AlreadyInLedger, done.Suppressed, 0, 0);
    }

    private static LedgerEntry Suppressed(CompiledCampaign campaign, string kind, TriggerWork moment, string customerId, string reason) =>
        new(LedgerEntry.KeyOf(campaign.Id, moment.Occurrence, customerId, Step), campaign.Id, campaign.Version, moment.Occurrence, customerId, Step,
            DeliveryState.Suppressed, reason, moment.DueAt, moment.DueAt, null, null, null, [])
        { ChannelKind = kind, TriggerItemId = moment.ItemId, TriggeredAt = moment.At };
}
