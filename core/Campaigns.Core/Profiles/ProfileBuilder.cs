using Campaigns.Data;
using Campaigns.Scheduling;
using Campaigns.Storage;

namespace Campaigns.Profiles;

/// <summary>
/// Computes one customer's profile from their whole history. A pure function of (history, catalogue, as-of instant),
/// so a full recompute and an incremental update of the same customer give the same profile.
/// </summary>
internal static class ProfileBuilder
{
    public static CustomerProfile Build(ProfileInput input, CatalogVocabulary catalog, DateTimeOffset asOf)
    {
        var events = input.Events.Where(e => e.Interaction.OccurredAt <= asOf).OrderBy(e => e.Interaction.OccurredAt).ToArray();
        var purchases = events.Where(e => e.Interaction.Type == InteractionTypes.Purchase).Select(e => e.Interaction).ToArray();
        var profile = OrderFigures.Apply(new CustomerProfile(input.Customer.Id, asOf), purchases, asOf);
        var (hours, top) = ActivityHours(events, input.Customer.TimeZone);
        var cart = CartState.Of(events.Select(e => e.Interaction), catalog);
        return profile with
        {
            CategoryAffinity = Shares(purchases, p => catalog.Find(p.ItemId)?.Category),
            BrandAffinity = Shares(purchases, p => catalog.Find(p.ItemId)?.Brand),
            PriceSensitivity = PriceSensitivity(purchases, catalog),
            ActivityHours = hours,
            TopHour = top,
            CartItems = cart.Items,
            CartValue = cart.Value,
            CartUpdatedAt = cart.UpdatedAt,
            Engagement = ChannelEngagements.Of(events, input.Sent),
            InterestTags = InterestTags(events, catalog),
        };
    }

    // Shares sum to at most 1, so at most 20 keys can reach 0.05: keeping the top 20 keeps every share a rule would test,
    // and bounds the stored map (a loyal Online Retail customer touches 90 title words).
    private const int KeptShares = 20;

    /// <summary>Share of the customer's purchase value per key (category or brand), top 20; lines of unknown items or no key count toward nothing.</summary>
    private static Dictionary<string, double> Shares(Interaction[] purchases, Func<Interaction, string?> key)
    {
        var total = purchases.Where(p => p.Value > 0).Sum(p => (double)p.Value);
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        if (total <= 0) return shares;
        foreach (var p in purchases)
        {
            if (p.Value <= 0 || key(p) is not { } k) continue;
            shares[k] = shares.GetValueOrDefault(k) + (double)p.Value / total;
        }
        return shares.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Take(KeptShares)
            .ToDictionary(s => s.Key, s => Math.Round(s.Value, 6), StringComparer.Ordinal);
    }

    private static double? PriceSensitivity(Interaction[] purchases, CatalogVocabulary catalog)
    {
        var known = purchases.Select(p => catalog.Find(p.ItemId)).Where(f => f is { Price: > 0 }).ToArray();
        return known.Length == 0 ? null : Math.Round((double)known.Count(f => f!.Price < catalog.MedianPrice) / known.Length, 6);
    }

    private static (int[] Hours, int? Top) ActivityHours(StoredEvent[] events, string timeZone)
    {
        var hours = new int[24];
        if (events.Length == 0) return (hours, null);
        var zone = CustomerZones.Find(timeZone);
        foreach (var e in events) hours[TimeZoneInfo.ConvertTime(e.Interaction.OccurredAt, zone).Hour]++;
        var top = 0;
        for (var h = 1; h < 24; h++) if (hours[h] > hours[top]) top = h;
        return (hours, top);
    }

    private const int TagCount = 5;

    private static string[] InterestTags(StoredEvent[] events, CatalogVocabulary catalog)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Interaction.ItemId.Length == 0 || catalog.Find(e.Interaction.ItemId) is not { } item) continue;
            foreach (var (word, weight) in item.Keywords) scores[word] = scores.GetValueOrDefault(word) + weight;
        }
        return [.. scores.OrderByDescending(s => Math.Round(s.Value, 9)).ThenBy(s => s.Key, StringComparer.Ordinal).Take(TagCount).Select(s => s.Key)];
    }
}
