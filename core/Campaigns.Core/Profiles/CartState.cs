using Campaigns.Data;

namespace Campaigns.Profiles;

/// <summary>
/// The cart as the events leave it: an item is in the cart when its latest <c>cart_add</c> is newer than its latest
/// purchase (the event types have no removal, so a purchase is what empties a line).
/// </summary>
internal sealed record CartState(string[] Items, decimal Value, DateTimeOffset? UpdatedAt)
{
    public static CartState Of(IEnumerable<Interaction> events, CatalogVocabulary catalog)
    {
        var lastAdd = new Dictionary<string, Interaction>(StringComparer.Ordinal);
        var lastBuy = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.ItemId.Length == 0) continue;
            if (e.Type == InteractionTypes.CartAdd) lastAdd[e.ItemId] = e;
            else if (e.Type == InteractionTypes.Purchase) lastBuy[e.ItemId] = e.OccurredAt;
        }
        var open = lastAdd.Values.Where(a => !lastBuy.TryGetValue(a.ItemId, out var bought) || bought < a.OccurredAt)
            .OrderByDescending(a => a.OccurredAt).ThenBy(a => a.ItemId, StringComparer.Ordinal).ToArray();
        if (open.Length == 0) return new CartState([], 0, null);
        var value = open.Sum(a => a.Value > 0 ? a.Value : (decimal)a.Quantity * (catalog.Find(a.ItemId)?.Price ?? 0));
        return new CartState([.. open.Select(a => a.ItemId)], value, open[0].OccurredAt);
    }
}
