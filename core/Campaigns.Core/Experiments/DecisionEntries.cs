using System.Globalization;
using Campaigns.Learning.OffPolicy.Timing;
using Campaigns.Planning;
using Campaigns.Stages;
using Campaigns.Storage;

namespace Campaigns.Experiments;

/// <summary>
/// The decision-log entries of one placed batch: the variant (or holdout) of every customer who was assigned one, and
/// the recommended items and the send slot of every planned message. Built from the rows as placed, so the log says
/// what the ledger says. Features are coarse (the allocation segment) and never personal.
/// </summary>
internal static class DecisionEntries
{
    public static List<LoggedDecision> For(IReadOnlyList<LedgerEntry> rows, IReadOnlyDictionary<string, VariantAssignment> assignments,
        PlanStages stages, CampaignRunInfo run, DateTimeOffset at, IReadOnlyDictionary<string, SlotChoice>? slots = null)
    {
        var version = run.CampaignVersion.ToString(CultureInfo.InvariantCulture);
        var decisions = new List<LoggedDecision>(rows.Count * 3);
        foreach (var row in rows)
        {
            LoggedDecision Decision(string kind, string policy, string policyVersion, string chosen, double probability) =>
                new(row.Key, run.CampaignId, run.CampaignVersion, row.Occurrence, row.CustomerId, kind, policy, policyVersion, chosen,
                    Math.Clamp(probability, double.Epsilon, 1), at);

            if (assignments.TryGetValue(row.CustomerId, out var assigned) && assigned.Variant is not null)
                decisions.Add(Decision(DecisionKinds.Variant, assigned.Policy, assigned.PolicyVersion, assigned.Variant, assigned.Probability)
                    with { Candidates = assigned.Candidates, Features = assigned.Features });
            if (row.State != DeliveryState.Planned) continue;
            var variantStages = stages.Variant(row.Variant);
            var variant = variantStages.Variant;
            decisions.Add(Decision(DecisionKinds.Items, variant.RecommenderReference.Key, version, string.Join(',', row.ItemIds), 1)
                with { ModelVersion = variantStages.RecommenderModel });
            var slot = DecisionRecord.Read(row.Decision);
            decisions.Add(Decision(DecisionKinds.Slot, slot?.Strategy ?? variant.TimingKey, version,
                row.SendAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), slot?.Probability ?? 1) with
            {
                ModelVersion = slot?.Model ?? variantStages.TimingModel,
                Candidates = slots?.GetValueOrDefault(row.CustomerId)?.Candidates,
                Features = slots?.GetValueOrDefault(row.CustomerId) is { } explored ? SlotFeaturesOf(explored) : null,
            });
        }
        return decisions;
    }

    private static Dictionary<string, string> SlotFeaturesOf(SlotChoice slot)
    {
        var features = new Dictionary<string, string>(StringComparer.Ordinal) { [SlotFeatures.Hour] = SlotFeatures.Label(slot.Hour) };
        if (slot.Activity is not null) features[SlotFeatures.Activity] = slot.Activity;
        return features;
    }
}
