using System.Globalization;
using Campaigns.Data;

namespace Campaigns.Plugins.Recommenders.Model;

/// <summary>
/// L2-normalised sparse item vectors (TF-IDF over title and description, plus weighted attribute features) in rows by
/// item index, and their inverted index: per token, the items that have it with their weights.
/// </summary>
internal sealed partial class ItemVectors
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its", "of", "on",
        "or", "that", "the", "this", "to", "was", "were", "with", "you", "your", "our", "we", "not", "no", "but", "all",
    };

    private ItemVectors(int[] offsets, int[] tokens, float[] weights, int[] postingOffsets, int[] postingItems, float[] postingWeights) =>
        (Offsets, Tokens, Weights, PostingOffsets, PostingItems, PostingWeights) = (offsets, tokens, weights, postingOffsets, postingItems, postingWeights);

    /// <summary>Item i's entries are <see cref="Tokens"/> and <see cref="Weights"/> from <c>Offsets[i]</c> to <c>Offsets[i+1]</c>, tokens ascending.</summary>
    public int[] Offsets { get; }

    /// <summary>Token ids of the item rows.</summary>
    public int[] Tokens { get; }

    /// <summary>Weights of the item rows.</summary>
    public float[] Weights { get; }

    /// <summary>Token t's postings are <see cref="PostingItems"/> and <see cref="PostingWeights"/> from <c>PostingOffsets[t]</c> to <c>PostingOffsets[t+1]</c>.</summary>
    public int[] PostingOffsets { get; }

    /// <summary>Item indexes of the postings.</summary>
    public int[] PostingItems { get; }

    /// <summary>Weights of the postings.</summary>
    public float[] PostingWeights { get; }

    /// <summary>The tokens by id: words, and attribute features such as <c>cat:gifts</c>.</summary>
    public string[] Vocabulary { get; private set; } = [];

    /// <summary>The inverse document frequency of each token, by id.</summary>
    public double[] Idf { get; private set; } = [];

    /// <summary>How many distinct tokens there are.</summary>
    public int TokenCount => PostingOffsets.Length - 1;

    /// <summary>Builds the vectors of <paramref name="catalog"/>, indexed by <paramref name="items"/> (which gains any new ids); items without a catalogue entry get empty rows.</summary>
    public static ItemVectors Build(IReadOnlyList<CatalogItem> catalog, IdMap items, double attributeWeight)
    {
        var tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var bags = new List<(int Item, Dictionary<int, double> Terms, HashSet<int> Attributes)>(catalog.Count);
        var df = new List<int>();
        foreach (var item in catalog)
        {
            var terms = new Dictionary<int, double>();
            var attributes = new HashSet<int>();
            foreach (var token in Tokenize(item.Title).Concat(Tokenize(item.Description)))
                terms[Id(token)] = terms.GetValueOrDefault(Id(token)) + 1;
            foreach (var attribute in Attributes(item)) attributes.Add(Id(attribute));
            foreach (var t in terms.Keys.Concat(attributes).Distinct()) df[t]++;
            bags.Add((items.GetOrAdd(item.Id), terms, attributes));
        }
        var n = bags.Count;
        var idf = df.Select(d => Math.Log((1.0 + n) / (1.0 + d)) + 1).ToArray();
        var rows = new (int Token, double Weight)[]?[items.Count];
        foreach (var (item, terms, attributes) in bags)
        {
            var row = terms.Select(t => (t.Key, t.Value * idf[t.Key]))
                .Concat(attributes.Select(a => (a, attributeWeight * idf[a])))
                .GroupBy(e => e.Item1).Select(g => (g.Key, g.Sum(e => e.Item2))).Where(e => e.Item2 > 0).OrderBy(e => e.Key).ToArray();
            var norm = Math.Sqrt(row.Sum(e => e.Item2 * e.Item2));
            rows[item] = norm > 0 ? [.. row.Select(e => (e.Key, e.Item2 / norm))] : [];
        }
        var vectors = FromRows(rows, tokenIds.Count);
        vectors.Vocabulary = [.. tokenIds.OrderBy(t => t.Value).Select(t => t.Key)];
        vectors.Idf = idf;
        return vectors;

        int Id(string token)
        {
            if (tokenIds.TryGetValue(token, out var id)) return id;
            tokenIds.Add(token, id = tokenIds.Count);
            df.Add(0);
            return id;
        }
    }

    /// <summary>Lower-case tokens of <paramref name="text"/>: runs of letters and digits, at least 2 characters, no stop words.</summary>
    public static IEnumerable<string> Tokenize(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var start = -1;
        for (var k = 0; k <= text.Length; k++)
        {
            var inWord = k < text.Length && char.IsLetterOrDigit(text[k]);
            if (inWord && start < 0) start = k;
            if (inWord || start < 0) continue;
            var token = text[start..k].ToLowerInvariant();
            start = -1;
            if (token.Length >= 2 && !StopWords.Contains(token)) yield return token;
        }
    }

    // Attribute tokens contain ':', which text tokens never do, so the two never collide.
    private static IEnumerable<string> Attributes(CatalogItem item)
    {
        if (!string.IsNullOrWhiteSpace(item.Category)) yield return "cat:" + item.Category.Trim().ToLowerInvariant();
        if (item.Price > 0) yield return "price:" + ((int)Math.Floor(Math.Log2((double)item.Price))).ToString(CultureInfo.InvariantCulture);
        foreach (var tag in item.Tags)
            if (!string.IsNullOrWhiteSpace(tag)) yield return "tag:" + tag.Trim().ToLowerInvariant();
    }

    private static ItemVectors FromRows((int Token, double Weight)[]?[] rows, int tokenCount)
    {
        var offsets = new int[rows.Length + 1];
        for (var i = 0; i < rows.Length; i++) offsets[i + 1] = offsets[i] + (rows[i]?.Length ?? 0);
        var tokens = new int[offsets[^1]];
        var weights = new float[offsets[^1]];
        var postingOffsets = new int[tokenCount + 1];
        for (var i = 0; i < rows.Length; i++)
        {
            var k = offsets[i];
            foreach (var (t, w) in rows[i] ?? [])
            {
                (tokens[k], weights[k++]) = (t, (float)w);
                postingOffsets[t + 1]++;
            }
        }
        for (var t = 0; t < tokenCount; t++) postingOffsets[t + 1] += postingOffsets[t];
        var next = postingOffsets[..^1];
        var postingItems = new int[tokens.Length];
        var postingWeights = new float[tokens.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var k = offsets[i]; k < offsets[i + 1]; k++)
            {
                var at = next[tokens[k]]++;
                (postingItems[at], postingWeights[at]) = (i, weights[k]);
            }
        }
        return new ItemVectors(offsets, tokens, weights, postingOffsets, postingItems, postingWeights);
    }
}
