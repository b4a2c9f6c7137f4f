using Campaigns.Campaign;
using Campaigns.Data;
using Campaigns.Storage;

namespace Campaigns.Triggers;

/// <summary>
/// What a micro-batch of one campaign needs to read before planning: its customers, their stored cancel events, their
/// recent triggered rows (cooldown), their suppression-list entries and the trigger items. The five queries are
/// independent, so they run together: the batch waits for the slowest one, not for the sum.
/// </summary>
internal sealed record TriggerLookups(
    Dictionary<string, Customer> Customers,
    ILookup<string, Interaction> CancelEvents,
    Dictionary<string, List<TriggeredContact>> Contacts,
    PrefetchedSuppressions Suppressions,
    IReadOnlyList<CatalogItem> TriggerItems)
{
    public static async Task<TriggerLookups> ReadAsync(CompiledCampaign campaign, IReadOnlyList<TriggerWork> moments, string channelKind, ICustomerReader customers,
        ITriggerStore store, Privacy.SuppressionCheck suppressions, ICatalogReader catalog, CancellationToken ct)
    {
        var trigger = campaign.Definition.Trigger!;
        var ids = moments.Select(m => m.CustomerId!).Distinct(StringComparer.Ordinal).ToList();
        var known = customers.GetManyAsync(ids, ct);
        var cancels = store.EventsOfAsync(ids, trigger.CancelOn, moments.Min(m => m.At), ct);
        var recent = trigger.CooldownHours == 0 ? Task.FromResult<IReadOnlyList<TriggeredContact>>([])
            : store.RecentAsync(campaign.Id, ids, moments.Min(m => m.DueAt) - TimeSpan.FromHours(trigger.CooldownHours), ct);
        var listed = PrefetchedSuppressions.LoadAsync(suppressions, ids, channelKind, ct);
        // Trigger items are read fresh: a price drop must show the new price, not one cached an hour ago.
        var items = catalog.GetManyAsync([.. moments.Select(m => m.ItemId).Distinct(StringComparer.Ordinal)], ct);
        await Task.WhenAll(known, cancels, recent, listed, items);
        return new TriggerLookups(
            (await known).ToDictionary(c => c.Id, StringComparer.Ordinal),
            (await cancels).ToLookup(e => e.CustomerId, StringComparer.Ordinal),
            (await recent).GroupBy(c => c.CustomerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal),
            await listed,
            await items);
    }
}
