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

    /// <summary>The item of a trigger's moment: passed to the recommender (which leaves it out) and to the filters.</summary>
    public string? TriggerItemId { get; init; }

    /// <summary>An item the message names first, before the recommendations (the carted item of an abandoned cart), with its reason.</summary>
    public (string ItemId, string Reason)? LeadItem { get; init; }

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
        var request = new RecommendationRequest(RecommendationFiltering.CandidateCount(recommender.Filters, recommender.Count), TriggerItemId);
        var recommendations = await stages.Recommender.RecommendAsync(eligible, request, ct);
        await LoadItemsAsync(recommendations.SelectMany(list => list).Select(r => r.ItemId).Concat(filtering?.Popular ?? []).Concat(LeadItem is { } lead ? [lead.ItemId] : []), ct);
        if (filtering is not null)
            recommendations = await filtering.ApplyAsync(eligible, recommendations, recommender.Count, items, request.TriggerItemId, ct);
        var timing = await stages.Timing.ChooseAsync(eligible, new SendTimeRequest(earliest, deadline), ct);
        var activity = Exploration is null ? null : await Exploration.ActivityAsync(eligible, ct);

        for (var i = 0; i < eligible.Count; i++)
        {
            var customer = eligible[i];
            var recommended = recommendations[i].Where(r => items.ContainsKey(r.ItemId) && r.ItemId != LeadItem?.ItemId)
                .Select(r => new RecommendedItem(items[r.ItemId], r)).ToList();
            if (LeadItem is { } first && items.TryGetValue(first.ItemId, out var leadItem))
                recommended.Insert(0, new RecommendedItem(leadItem, new Recommendation(first.ItemId, 1, first.Reason)));
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
            var preferred = decided.SendAt < earliest ? earliest : decided.SendAt;
            try
            {
                var message = variant.Template.Render(new MessageModel(customer, recommended, run, campaign.Definition.Name));
                var body = campaign.Definition.Message.Format == "html"
                    ? links.Rewrite(message.Body, LedgerEntry.KeyOf(campaign.Id, run.Occurrence, customer.Id, Step), [.. recommended.Select(r => r.Item.Id)])
                    : message.Body;
                plan.Rows.Add(Row(customer, DeliveryState.Planned, null, preferred, preferred, message.Subject, body, recommended, variant.Name));
                plan.Pending.Add(new PendingSlot(plan.Rows.Count - 1, customer, placement.Ranked(decided), decided, variant.TimingKey) { Model = stages.TimingModel });
            }
            catch (MessageRenderException ex)
            {
                plan.Rows.Add(Row(customer, DeliveryState.Failed, $"render-error: {ex.InnerException?.Message ?? ex.Message}", preferred, preferred, null, null, recommended, variant.Name));
            }
        }
    }

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
        Row(customer, DeliveryState.Suppressed, reason, earliest, earliest, null, null, [], variant);

    private LedgerEntry Row(Customer customer, DeliveryState state, string? reason, DateTimeOffset sendAt, DateTimeOffset preferred,
        string? subject, string? body, IReadOnlyList<RecommendedItem> recommended, string? variant) =>
        new(LedgerEntry.KeyOf(campaign.Id, run.Occurrence, customer.Id, Step), campaign.Id, campaign.Version, run.Occurrence, customer.Id, Step,
            state, reason, sendAt, preferred, NullIfEmpty(ChannelAddress.For(stages.ChannelKind, customer)), subject, body,
            [.. recommended.Select(r => r.Item.Id)])
        { ChannelKind = stages.ChannelKind, Variant = variant };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
