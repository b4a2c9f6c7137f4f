using Campaigns.Campaign;
using Campaigns.Data;

namespace Campaigns.Triggers;

/// <summary>
/// Finds the customers due to buy an item again: the item's repurchase interval is fixed by the campaign or learned as
/// the median gap between a customer's consecutive purchase days of that item over the purchase history; a customer is
/// due at their last purchase plus that interval (plus the delay). Each scan plans the moments due before the next day;
/// the occurrence (item and last purchase) keeps a rescan from planning anything twice.
/// </summary>
public sealed class ReplenishmentScanner(IInteractionReader interactions, TimeProvider time)
{
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(1);

    /// <summary>The moments of <paramref name="campaign"/> (a replenishment trigger) due now or within a day.</summary>
    public async Task<IReadOnlyList<TriggerWork>> ScanAsync(CompiledCampaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var trigger = campaign.Definition.Trigger ?? throw new ArgumentException($"campaign '{campaign.Id}' has no trigger", nameof(campaign));
        var settings = trigger.Replenishment ?? throw new ArgumentException($"campaign '{campaign.Id}' is not a replenishment trigger", nameof(campaign));
        var now = time.GetUtcNow();
        var days = new Dictionary<(string Customer, string Item), SortedSet<int>>();
        var last = new Dictionary<(string Customer, string Item), DateTimeOffset>();
        var query = new InteractionQuery(now.AddDays(-settings.HistoryDays), now, [InteractionTypes.Purchase]);
        await foreach (var batch in interactions.ReadAsync(query, 10_000, cancellationToken))
        {
            foreach (var e in batch)
            {
                if (e.ItemId.Length == 0) continue;
                var key = (e.CustomerId, e.ItemId);
                if (!days.TryGetValue(key, out var set)) days[key] = set = [];
                set.Add(DateOnly.FromDateTime(e.OccurredAt.UtcDateTime).DayNumber);
                if (!last.TryGetValue(key, out var at) || e.OccurredAt > at) last[key] = e.OccurredAt;
            }
        }
        var intervals = settings.IntervalDays is { } fixedDays ? null : Learn(days, settings.MinRepeats);
        var work = new List<TriggerWork>();
        foreach (var ((customer, item), lastAt) in last)
        {
            int? interval = settings.IntervalDays ?? (intervals!.TryGetValue(item, out var learned) ? learned : null);
            if (interval is null) continue;
            var due = lastAt.AddDays(interval.Value) + trigger.Delay;
            if (due > now + Horizon) continue;
            work.Add(new TriggerWork(campaign, TriggerWorkKind.Moment, customer, item, lastAt, due, now));
        }
        return work;
    }

    /// <summary>Per item with at least <paramref name="minRepeats"/> repeat purchases: the median gap in days between a customer's purchase days.</summary>
    internal static Dictionary<string, int> Learn(Dictionary<(string Customer, string Item), SortedSet<int>> days, int minRepeats)
    {
        var gaps = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var ((_, item), set) in days)
        {
            if (set.Count < 2) continue;
            if (!gaps.TryGetValue(item, out var list)) gaps[item] = list = [];
            var previous = set.Min;
            foreach (var day in set.Skip(1))
            {
                list.Add(day - previous);
                previous = day;
            }
        }
        return gaps.Where(g => g.Value.Count >= minRepeats)
            .ToDictionary(g => g.Key, g => g.Value.Order().ElementAt(g.Value.Count / 2), StringComparer.Ordinal);
    }
}
