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

    public async Task<TriggerResult> PlanAsync(CompiledCampaign campaign, IReadOnlyList<TriggerWork> moments, CancellationToken ct)
    {
        var trigger = campaign.Definition.Trigger!;
        var now = time.GetUtcNow();
        var fresh = moments.Where(m => m.DueAt >= now - TimeSpan.FromHours(trigger.MaxLateHours)).ToList();
        var ignored = moments.Count - fresh.Count;
        if (fresh.Count == 0) return TriggerResult.Empty with { Ignored = ignored };

        var ids = fresh.Select(m => m.CustomerId!).Distinct(StringComparer.Ordinal).ToList();
        var known = (await customers.GetManyAsync(ids, ct)).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var cancelEvents = (await store.EventsOfAsync(ids, trigger.CancelOn, fresh.Min(m => m.At), ct)).ToLookup(e => e.CustomerId, StringComparer.Ordinal);
        var cooldown = TimeSpan.FromHours(trigger.CooldownHours);
        var contacts = trigger.CooldownHours == 0 ? [] : (await store.RecentAsync(campaign.Id, ids, fresh.Min(m => m.DueAt) - cooldown, ct))
            .GroupBy(c => c.CustomerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var stages = await prepared.GetAsync(campaign, ct);
        try
        {
            var suppressed = new List<LedgerEntry>();
            var groups = new Dictionary<string, (TriggerWork First, List<Customer> Customers)>(StringComparer.Ordinal);
            foreach (var moment in fresh.OrderBy(m => m.DueAt))
            {
                if (!known.TryGetValue(moment.CustomerId!, out var customer)) { ignored++; continue; }
                var occurrence = moment.Occurrence;
                var cancel = cancelEvents[customer.Id].FirstOrDefault(e => e.OccurredAt > moment.At && (trigger.CancelMatch == CancelMatch.Customer || e.ItemId == moment.ItemId));
                var mine = contacts.TryGetValue(customer.Id, out var list) ? list : contacts[customer.Id] = [];
                if (cancel is not null)
                    suppressed.Add(Suppressed(campaign, stages.Stages.ChannelKind, moment, customer.Id, "cancelled:" + cancel.Type));
                else if (cooldown > TimeSpan.Zero && mine.Any(c => c.Occurrence != occurrence && (c.SendAt - moment.DueAt).Duration() < cooldown))
                    suppressed.Add(Suppressed(campaign, stages.Stages.ChannelKind, moment, customer.Id, $"cooldown:{trigger.CooldownHours}h"));
                else
                {
                    mine.Add(new TriggeredContact(customer.Id, occurrence, moment.DueAt));
                    if (!groups.TryGetValue(occurrence, out var group)) groups[occurrence] = group = (moment, []);
                    if (!group.Customers.Any(c => c.Id == customer.Id)) group.Customers.Add(customer);
                }
            }
            var result = await InsertAsync(campaign, stages, groups.Values, suppressed, now, ct);
            return result with { Ignored = result.Ignored + ignored };
        }
        finally
        {
            await prepared.ReleaseAsync(stages);
        }
    }

    private async Task<TriggerResult> InsertAsync(CompiledCampaign campaign, TriggerStages.Prepared stages, IEnumerable<(TriggerWork First, List<Customer> Customers)> groups,
        List<LedgerEntry> suppressed, DateTimeOffset now, CancellationToken ct)
    {
        var trigger = campaign.Definition.Trigger!;
        var kind = stages.Stages.ChannelKind;
        var scheduler = new SlotScheduler(campaign.Definition.Delivery, policy, kind);
        var tally = new PlanTally();
        var assigner = await Experiments.VariantAssigner.CreateAsync(campaign.Definition, GlobalControl, Allocations, ct);
        var listed = await PrefetchedSuppressions.LoadAsync(suppressions, [.. groups.SelectMany(g => g.Customers).Select(c => c.Id).Distinct(StringComparer.Ordinal)], kind, ct);
        var plans = new List<(LedgerPlacement Placement, BatchPlan Plan)>();
        // Trigger items are read fresh, in one query: a price drop must show the new price, not one cached an hour ago.
        foreach (var item in await catalog.GetManyAsync([.. groups.Select(g => g.First.ItemId).Distinct(StringComparer.Ordinal)], ct))
            stages.Items[item.Id] = item;
        foreach (var (first, audience) in groups)
        {
            // The message is due at the moment plus the delay (now, if that is past); the scheduler may still move it.
            var earliest = first.DueAt > now ? first.DueAt : now;
            var run = new CampaignRunInfo(campaign.Id, campaign.Version, first.Occurrence);
            var placement = new LedgerPlacement(scheduler, kind, earliest, PlanMode.SendNow, run);
            var planner = new BatchPlanner(campaign, run, stages.Stages, assigner, catalog, stages.Items, placement, earliest, scheduler.Deadline(earliest), stages.Filtering, listed, links)
            {
                TriggerItemId = first.ItemId,
                LeadItem = TriggerKinds.ShowsTriggerItem(trigger.On) ? (first.ItemId, "trigger:" + trigger.On) : null,
            };
            var plan = await planner.PlanAsync(audience, tally, ct);
            for (var i = 0; i < plan.Rows.Count; i++) plan.Rows[i] = plan.Rows[i] with { TriggerItemId = first.ItemId, TriggeredAt = first.At };
            plans.Add((placement, plan));
        }

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
        await Decisions.AppendAsync(Experiments.DecisionEntries.For(rows, assignments, stages.Stages, new CampaignRunInfo(campaign.Id, campaign.Version, "trigger"), now), ct);
        var done = tally.ToResult(new CampaignRunInfo(campaign.Id, campaign.Version, "trigger"), TimeSpan.Zero);
        return new TriggerResult(done.Planned, done.AlreadyInLedger, done.Suppressed, 0, 0);
    }

    private static LedgerEntry Suppressed(CompiledCampaign campaign, string kind, TriggerWork moment, string customerId, string reason) =>
        new(LedgerEntry.KeyOf(campaign.Id, moment.Occurrence, customerId, Step), campaign.Id, campaign.Version, moment.Occurrence, customerId, Step,
            DeliveryState.Suppressed, reason, moment.DueAt, moment.DueAt, null, null, null, [])
        { ChannelKind = kind, TriggerItemId = moment.ItemId, TriggeredAt = moment.At };
}
