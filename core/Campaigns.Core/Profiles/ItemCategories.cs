using Campaigns.Data;

namespace Campaigns.Profiles;

/// <summary>
/// The category profiles file an item under: the catalogue's <c>category</c> when present, otherwise its broadest title
/// word (the word most other titles share, e.g. BAG or CHRISTMAS). One definition, compiled into the host and into
/// the ML segmentation plugin, so an affinity a plugin computes from events is the one a profile stores.
/// </summary>
internal static class ItemCategories
{
    /// <summary>Each item's upper-case category, in the order of <paramref name="items"/>.</summary>
    public static string[] Of(IReadOnlyCollection<CatalogItem> items)
    {
        var titleWords = items.Select(i => Words.Of(i.Title).Distinct().ToArray()).ToArray();
        var titleDf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var words in titleWords)
            foreach (var word in words) titleDf[word] = titleDf.GetValueOrDefault(word) + 1;
        return [.. items.Select((item, index) => !string.IsNullOrWhiteSpace(item.Category)
            ? item.Category.Trim().ToUpperInvariant()
            : titleWords[index].OrderByDescending(w => titleDf[w]).ThenBy(w => w, StringComparer.Ordinal).FirstOrDefault() ?? "OTHER")];
    }
}
