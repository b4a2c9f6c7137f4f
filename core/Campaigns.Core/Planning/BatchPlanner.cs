using System.Collections.Concurrent;
using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Experiments;
using Campaigns.Message;
using Campaigns.Privacy;
using Campaigns.Stages;
using Campaigns.Storage;
using Campaigns.Tracking;

namespace Campaigns.Planning;

/// <summary>
/// Turns one audience batch into ledger rows: every customer of the batch gets exactly one row, planned or with a
/// reason. After consent and rules, customers are placed in the global control, the campaign holdout or a variant;
/// each variant's customers go through that variant's recommender, timing and template. Planned rows carry the timing
/// stage's choice until <see cref="LedgerPlacement"/> gives them their slot.
/// </summary>
internal sealed class BatchPlanner(
    CompiledCampaign campaign,
    CampaignRunInfo run,
    PlanStages stages,
    VariantAssigner assigner,
    ICatalogReader catalog,
    ConcurrentDictionary<string, CatalogItem> items,
    LedgerPlacement placement,
    DateTimeOffset earliest,
    DateTimeOffset? deadline,
    RecommendationFiltering? filtering,
    ISuppressionLookup suppressions,
    LinkRewriter links)
{
    private const string Step = "main";

    /// <summary>
    /// Trigger moments by customer id: each customer's occurrence, trigger item (passed to the recommender, which leaves it
    /// out, and to the filters) and earliest send time. Null for a scheduled run, whose customers share the run's.
    /// </summary>
    public IReadOnlyDictionary<string, CustomerMoment>? Moments { get; init; }

    /// <summary>When set, each customer's trigger item leads the message (the carted item of an abandoned cart) with this reason.</summary>
    public string? LeadReason { get; init; }

    /// <summary>Slot exploration and its logged features (<c>timing.exploration</c>); null when the campaign sets none.</summary>
    public SlotExploration? Exploration { get; init; }

    public async Task<BatchPlan> PlanAsync(IReadOnlyList<Customer> batch, PlanTally tally, CancellationToken ct)
    {
        tally.Audience(batch.Count);
        var plan = new BatchPlan(new List<LedgerEntry>(batch.Count), new List<PendingSlot>(batch.Count), new Dictionary<string, VariantAssignment>(StringComparer.Ordinal));
        var eligible = new List<Customer>(batch.Count);
        var listed = await suppressions.FindAsync([.. batch.Select(c => c.Id)], stages.ChannelKind, ct);
        var purpose = campaign.Definition.Purpose;
        foreach (var customer in batch)
        {
            // The suppression list, consent and a reachable address are not optional rules: no campaign can switch them off.
            if (listed.TryGetValue(customer.Id, out var why) && SuppressionReasons.Blocks(why, purpose)) plan.Rows.Add(Suppressed(customer, $"suppressed:{why}", null));
            else if (ConsentPolicy.Refusal(customer, stages.ChannelKind, purpose) is { } refusal) plan.Rows.Add(Suppressed(customer, refusal, null));
            else if (ChannelAddress.For(stages.ChannelKind, customer) is null)
                plan.Rows.Add(Suppressed(customer, $"no-address:{stages.ChannelKind}", null));
            else eligible.Add(customer);
        }

        eligible = await ApplyRulesAsync(eligible, plan.Rows, ct);
        // Holdouts are drawn among the customers who would otherwise get the message, so that they compare like with like.
        var groups = new Dictionary<string, List<Customer>>(StringComparer.Ordinal);
        foreach (var customer in eligible)
        {
            var assignment = assigner.Assign(customer);
            plan.Assignments[customer.Id] = assignment;
            if (assignment.IsHoldout) plan.Rows.Add(Suppressed(customer, assignment.HoldoutReason!, assignment.Variant));
            else GroupOf(groups, assignment.Variant ?? "").Add(customer);
        }
        foreach (var variant in stages.Variants)
            if (groups.TryGetValue(variant.Variant.Name ?? "", out var group)) await PlanVariantAsync(variant, group, plan, ct);
        return plan;
    }

    private async Task PlanVariantAsync(VariantStages stages, List<Customer> eligible, BatchPlan plan, CancellationToken ct)
    {
        var (variant, recommender) = (stages.Variant, stages.Variant.RecommenderReference);
        var recommendations = await RecommendAsync(stages.Recommender, eligible, RecommendationFiltering.CandidateCount(recommender.Filters, recommender.Count), ct);
        var leads = LeadReason is null ? [] : eligible.Select(TriggerItemOf).OfType<string>();
        await LoadItemsAsync(recommendations.SelectMany(list => list).Select(r => r.ItemId).Concat(filtering?.Popular ?? []).Concat(leads), ct);
        if (filtering is not null)
            recommendations = await filtering.ApplyAsync(eligible, recommendations, recommender.Count, items, TriggerItemOf, ct);
        // One timing call for the batch from its earliest start; each trigger customer's own start then bounds their slot.
        var timing = await stages.Timing.ChooseAsync(eligible, new SendTimeRequest(earliest, deadline), ct);
        var activity = Exploration is null ? null : await Exploration.ActivityAsync(eligible, ct);

        for (var i = 0; i < eligible.Count; i++)
        {
            var customer = eligible[i];
            var lead = LeadReason is null ? null : TriggerItemOf(customer);
            var recommended = recommendations[i].Where(r => items.ContainsKey(r.ItemId) && r.ItemId != lead)
                .Select(r => new RecommendedItem(items[r.ItemId], r)).ToList();
            if (lead is not null && items.TryGetValue(lead, out var leadItem))
                recommended.Insert(0, new RecommendedItem(leadItem, new Recommendation(lead, 1, LeadReason!)));
            if (recommended.Count == 0)
            {
                plan.Rows.Add(Suppressed(customer, "no-recommendations", variant.Name));
                continue;
            }
            var decided = timing[i];
            if (Exploration is not null)
            {
                (decided, var slot) = Exploration.Apply(customer, decided, activity!.GetValueOrDefault(customer.Id));
                plan.Slots[customer.Id] = slot;
            }
            var start = EarliestOf(customer);
            var preferred = decided.SendAt < start ? start : decided.SendAt;
            try
            {
                var message = variant.Template.Render(new MessageModel(customer, recommended, run with { Occurrence = OccurrenceOf(customer) }, campaign.Definition.Name));
                var body = campaign.Definition.Message.Format == "html"
                    ? links.Rewrite(message.Body, LedgerEntry.KeyOf(campaign.Id, OccurrenceOf(customer), customer.Id, Step), [.. recommended.Select(r => r.Item.Id)])
                    : message.Body;
                plan.Rows.Add(Row(customer, DeliveryState.Planned, null, preferred, preferred, message.Subject, body, recommended, variant.Name));
                plan.Pending.Add(new PendingSlot(plan.Rows.Count - 1, customer, placement.Ranked(decided, start), decided, variant.TimingKey) { Model = stages.TimingModel, Earliest = start });
            }
            catch (MessageRenderException ex)
            {
                plan.Rows.Add(Row(customer, DeliveryState.Failed, $"render-error: {ex.InnerException?.Message ?? ex.Message}", preferred, preferred, null, null, recommended, variant.Name));
            }
        }
    }

    // The contract takes one trigger item per call: a trigger batch asks once per distinct item, not once per occurrence.
    private async Task<IReadOnlyList<IReadOnlyList<Recommendation>>> RecommendAsync(IRecommenderStage recommender, List<Customer> eligible, int count, CancellationToken ct)
    {
        if (Moments is null) return await recommender.RecommendAsync(eligible, new RecommendationRequest(count), ct);
        var lists = new IReadOnlyList<Recommendation>[eligible.Count];
        foreach (var group in Enumerable.Range(0, eligible.Count).GroupBy(i => TriggerItemOf(eligible[i]) ?? "", StringComparer.Ordinal))
        {
            var indexes = group.ToList();
            var answer = await recommender.RecommendAsync([.. indexes.Select(i => eligible[i])], new RecommendationRequest(count, group.Key.Length == 0 ? null : group.Key), ct);
            for (var j = 0; j < indexes.Count; j++) lists[indexes[j]] = answer[j];
        }
        return lists;
    }

    private CustomerMoment? MomentOf(Customer customer) => Moments?.GetValueOrDefault(customer.Id);

    private string OccurrenceOf(Customer customer) => MomentOf(customer)?.Occurrence ?? run.Occurrence;

    private string? TriggerItemOf(Customer customer) => MomentOf(customer)?.ItemId;

    private DateTimeOffset EarliestOf(Customer customer) => MomentOf(customer)?.Earliest ?? earliest;

    private static List<Customer> GroupOf(Dictionary<string, List<Customer>> groups, string variant)
    {
        if (!groups.TryGetValue(variant, out var group)) groups[variant] = group = [];
        return group;
    }

    private async Task<List<Customer>> ApplyRulesAsync(List<Customer> eligible, List<LedgerEntry> rows, CancellationToken ct)
    {
        foreach (var rule in stages.Rules)
        {
            if (eligible.Count == 0) break;
            var verdicts = await rule.EvaluateAsync(eligible, new RuleRequest(stages.ChannelKind), ct);
            var kept = new List<Customer>(eligible.Count);
            for (var i = 0; i < eligible.Count; i++)
            {
                if (verdicts[i].Allowed) kept.Add(eligible[i]);
                else rows.Add(Suppressed(eligible[i], verdicts[i].Reason ?? "rule", null));
            }
            eligible = kept;
        }
        return eligible;
    }

    private async Task LoadItemsAsync(IEnumerable<string> itemIds, CancellationToken ct)
    {
        var missing = itemIds.Where(id => !items.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0) return;
        foreach (var item in await catalog.GetManyAsync(missing, ct)) items.TryAdd(item.Id, item);
    }

    private LedgerEntry Suppressed(Customer customer, string reason, string? variant) =>
        Row(customer, DeliveryState.Suppressed, reason, EarliestOf(customer), EarliestOf(customer), null, null, [], variant);

    private LedgerEntry Row(Customer customer, DeliveryState state, string? reason, DateTimeOffset sendAt, DateTimeOffset preferred,
        string? subject, string? body, IReadOnlyList<RecommendedItem> recommended, string? variant)
    {
        var moment = MomentOf(customer);
        var occurrence = moment?.Occurrence ?? run.Occurrence;
        return new(LedgerEntry.KeyOf(campaign.Id, occurrence, customer.Id, Step), campaign.Id, campaign.Version, occurrence, customer.Id, Step,
            state, reason, sendAt, preferred, NullIfEmpty(ChannelAddress.For(stages.ChannelKind, customer)), subject, body,
            [.. recommended.Select(r => r.Item.Id)])
        { ChannelKind = stages.ChannelKind, Variant = variant, TriggerItemId = moment?.ItemId, TriggeredAt = moment?.At };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
