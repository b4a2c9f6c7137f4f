using Campaigns.Data;

namespace Campaigns.Plugins.Segmentation.ML.Features;

/// <summary>
/// The few product keywords the affinity features measure. Online Retail has no categories, so they come from item
/// titles: the title words that the most customers bought, leaving out filler, sizes and colours ("SET", "LARGE",
/// "RED") that say nothing about what kind of product it is.
/// </summary>
internal sealed class Keywords
{
    /// <summary>How many keywords the features carry (a fixed number keeps the feature vector's length constant).</summary>
    public const int Count = 4;

    /// <summary>How many of the most bought items the keywords are learnt from.</summary>
    private const int TopItems = 2_000;

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "and", "the", "with", "for", "set", "sets", "of", "in", "pack", "box", "small", "large", "mini", "jumbo", "big",
        "assorted", "design", "colour", "colours", "new", "vintage", "retro", "retrospot", "red", "pink", "white", "blue",
        "green", "black", "ivory", "cream", "gold", "silver", "purple", "orange", "yellow", "polkadot", "spotty", "charge",
    };

    private readonly Dictionary<string, int[]> _itemKeywords;

    private Keywords(IReadOnlyList<string> words, Dictionary<string, int[]> itemKeywords)
    {
        Words = words;
        _itemKeywords = itemKeywords;
    }

    /// <summary>The keywords, most customers first; fewer than <see cref="Count"/> when titles are scarce.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The indexes (into <see cref="Words"/>) of the keywords in an item's title; empty when none.</summary>
    public int[] Of(string itemId) => _itemKeywords.GetValueOrDefault(itemId, []);

    /// <summary>Learns the keywords from the titles of the items most customers bought before <paramref name="until"/>.</summary>
    public static async Task<Keywords> LearnAsync(IInteractionReader interactions, ICatalogReader catalog, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var top = await interactions.CountByItemAsync(new InteractionQuery(Until: until, Types: ReferenceTime.Purchases), TopItems, cancellationToken);
        var customers = top.ToDictionary(a => a.ItemId, a => a.Customers, StringComparer.Ordinal);
        var tally = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in top.Select(a => a.ItemId).Chunk(500))
        {
            foreach (var item in await catalog.GetManyAsync(chunk, cancellationToken))
                foreach (var word in Tokens(item.Title)) tally[word] = tally.GetValueOrDefault(word) + customers[item.Id];
        }
        var words = tally.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(Count).Select(w => w.Key).ToArray();

        // Every catalogue item is mapped, not only the top ones: a customer's rare items count towards their affinity too.
        var itemKeywords = new Dictionary<string, int[]>(StringComparer.Ordinal);
        if (words.Length == 0) return new Keywords(words, itemKeywords);
        await foreach (var batch in catalog.ReadAllAsync(5_000, cancellationToken))
        {
            foreach (var item in batch)
            {
                var tokens = Tokens(item.Title).ToHashSet(StringComparer.Ordinal);
                var hits = Enumerable.Range(0, words.Length).Where(i => tokens.Contains(words[i])).ToArray();
                if (hits.Length > 0) itemKeywords[item.Id] = hits;
            }
        }
        return new Keywords(words, itemKeywords);
    }

    private static IEnumerable<string> Tokens(string title) =>
        title.ToLowerInvariant()
            .Split([' ', ',', '.', '-', '/', '&', '+', '(', ')', '\'', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.Length >= 3 && t.All(char.IsLetter) && !Filler.Contains(t))
            .Distinct(StringComparer.Ordinal);
}
