using Campaigns.Data;
using Campaigns.Profiles;

namespace Campaigns.Plugins.Segmentation.ML.Features;

/// <summary>
/// The few product categories the affinity features measure, in the profiles' own terms: an item's category is the
/// one customer profiles file it under (the catalogue's category, else its broadest title word: BAG, CHRISTMAS...), and
/// the four kept are those of the items the most customers bought, so the profile path and the event path pick the same.
/// </summary>
/// <param name="words">The four categories.</param>
/// <param name="all">Every category, ordinal order.</param>
/// <param name="top">The index in <paramref name="all"/> of each of <paramref name="words"/>.</param>
/// <param name="itemCategory">Each item's index in <paramref name="all"/>.</param>
internal sealed class TopCategories(IReadOnlyList<string> words, IReadOnlyList<string> all, int[] top, Dictionary<string, int> itemCategory)
{
    /// <summary>How many categories the features carry (a fixed number keeps the feature vector's length constant).</summary>
    public const int Count = 4;

    /// <summary>How many of the most bought items the categories are learnt from.</summary>
    private const int TopItems = 2_000;

    /// <summary>The categories (upper case, as in profiles), most customers first; fewer than <see cref="Count"/> in a tiny catalogue.</summary>
    public IReadOnlyList<string> Words { get; } = words;

    /// <summary>Every category of the catalogue, in ordinal order (a profile keeps a customer's top 20 of them, so all count).</summary>
    public IReadOnlyList<string> All { get; } = all;

    /// <summary>The index in <see cref="All"/> of each of <see cref="Words"/>.</summary>
    public IReadOnlyList<int> Top { get; } = top;

    /// <summary>The index (into <see cref="All"/>) of an item's category; -1 when the item is unknown.</summary>
    public int Of(string itemId) => itemCategory.GetValueOrDefault(itemId, -1);

    /// <summary>Learns the categories from the items most customers bought before <paramref name="until"/>.</summary>
    public static async Task<TopCategories> LearnAsync(IInteractionReader interactions, ICatalogReader catalog, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var categoryOf = await CategoryOfAsync(catalog, cancellationToken);
        var top = await interactions.CountByItemAsync(new InteractionQuery(Until: until, Types: ReferenceTime.Purchases), TopItems, cancellationToken);
        var tally = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var item in top)
            if (categoryOf.TryGetValue(item.ItemId, out var category)) tally[category] = tally.GetValueOrDefault(category) + item.Customers;
        var words = tally.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(Count).Select(w => w.Key).ToArray();
        return Build(words, categoryOf);
    }

    /// <summary>
    /// The categories a trained model was fitted with, mapped over today's catalogue: a stored model's features must
    /// mean what they meant when it learned, even when the most bought categories have changed since.
    /// </summary>
    public static async Task<TopCategories> FixedAsync(ICatalogReader catalog, IReadOnlyList<string> words, CancellationToken cancellationToken) =>
        Build([.. words], await CategoryOfAsync(catalog, cancellationToken));

    private static async Task<Dictionary<string, string>> CategoryOfAsync(ICatalogReader catalog, CancellationToken cancellationToken)
    {
        var items = new List<CatalogItem>();
        await foreach (var batch in catalog.ReadAllAsync(5_000, cancellationToken)) items.AddRange(batch);
        var categories = ItemCategories.Of(items);
        var categoryOf = new Dictionary<string, string>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++) categoryOf[items[i].Id] = categories[i];
        return categoryOf;
    }

    private static TopCategories Build(string[] words, Dictionary<string, string> categoryOf)
    {
        // Every catalogue item is mapped, not only the top ones: a customer's rare items count towards their affinity too.
        // A stored word the catalogue no longer has keeps its place (no item maps to it), so the vector keeps its meaning.
        var all = categoryOf.Values.Concat(words).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = all.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
        var itemCategory = categoryOf.ToDictionary(c => c.Key, c => index[c.Value], StringComparer.Ordinal);
        return new TopCategories(words, all, [.. words.Select(w => index[w])], itemCategory);
    }
}
