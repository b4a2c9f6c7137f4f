namespace Campaigns.Profiles;

/// <summary>Splits titles into upper-case words worth keeping: letters only, three or more, no filler or colour words.</summary>
internal static class Words
{
    // Colours and sizes describe a variant, not what the item is; keeping them would make RED the biggest "category".
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "AND", "THE", "FOR", "WITH", "SET", "PACK", "OF", "IN", "ON", "TO", "ASSORTED", "DESIGN", "SMALL", "LARGE", "MINI", "JUMBO",
        "RED", "BLUE", "PINK", "WHITE", "GREEN", "BLACK", "IVORY", "CREAM", "PURPLE", "YELLOW", "ORANGE", "GOLD", "SILVER",
        "BROWN", "GREY", "COLOUR", "COLOURS", "COLOR",
    };

    public static IEnumerable<string> Of(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                if (i - start >= 3)
                {
                    var word = text[start..i].ToUpperInvariant();
                    if (!Ignored.Contains(word)) yield return word;
                }
                start = -1;
            }
        }
    }
}
