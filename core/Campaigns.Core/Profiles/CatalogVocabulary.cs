using System.Collections.Frozen;
using Campaigns.Data;

namespace Campaigns.Profiles;

/// <summary>
/// What profiles need to know about the catalogue, computed once per recompute: each item's category, brand, price
/// band and TF-IDF keyword weights. The Online Retail catalogue has no categories, so an item without one gets its
/// broadest title word (the word most other titles share, e.g. BAG or CHRISTMAS): see docs/profiles.md.
/// </summary>
internal sealed class CatalogVocabulary
{
    private readonly FrozenDictionary<string, ItemFacts> _items;

    private CatalogVocabulary(FrozenDictionary<string, ItemFacts> items, decimal medianPrice)
    {
        _items = items;
        MedianPrice = medianPrice;
    }

    /// <summary>The median catalogue price of items priced above zero (0 for an empty catalogue).</summary>
    public decimal MedianPrice { get; }

    public ItemFacts? Find(string itemId) => _items.GetValueOrDefault(itemId);

    public static CatalogVocabulary Build(IReadOnlyCollection<CatalogItem> items)
    {
        var categories = ItemCategories.Of(items);
        var keywordSets = items.Select(i => Words.Of(i.Title + " " + i.Description).Select(w => w.ToLowerInvariant()).ToArray()).ToArray();
        var keywordDf = Count(keywordSets.Select(k => k.Distinct().ToArray()));
        var facts = new Dictionary<string, ItemFacts>(items.Count, StringComparer.Ordinal);
        var index = 0;
        foreach (var item in items)
        {
            var category = categories[index];
            var brand = item.Tags.FirstOrDefault(t => t.StartsWith("brand:", StringComparison.OrdinalIgnoreCase))?[6..].Trim().ToUpperInvariant();
            var keywords = keywordSets[index].GroupBy(w => w, StringComparer.Ordinal)
                .Select(g => new KeyValuePair<string, double>(g.Key, g.Count() * Math.Log((double)items.Count / keywordDf[g.Key])))
                .Where(k => k.Value > 0).ToArray();
            facts[item.Id] = new ItemFacts(category, string.IsNullOrEmpty(brand) ? null : brand, item.Price, keywords);
            index++;
        }
        var prices = items.Where(i => i.Price > 0).Select(i => i.Price).Order().ToArray();
        var median = prices.Length == 0 ? 0 : prices.Length % 2 == 1 ? prices[prices.Length / 2] : (prices[prices.Length / 2 - 1] + prices[prices.Length / 2]) / 2;
        return new CatalogVocabulary(facts.ToFrozenDictionary(StringComparer.Ordinal), median);
    }

    private static Dictionary<string, int> Count(IEnumerable<string[]> documents)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var words in documents)
            foreach (var word in words) df[word] = df.GetValueOrDefault(word) + 1;
        return df;
    }
}

/// <summary>One item as profiles see it.</summary>
/// <param name="Category">Upper-case category (catalogue's, else derived from the title).</param>
/// <param name="Brand">Upper-case brand from a <c>brand:</c> tag, or null.</param>
/// <param name="Price">Catalogue price.</param>
/// <param name="Keywords">Lower-case keywords with their TF-IDF weight in this item.</param>
internal sealed record ItemFacts(string Category, string? Brand, decimal Price, IReadOnlyList<KeyValuePair<string, double>> Keywords);
