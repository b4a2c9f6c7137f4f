namespace Campaigns.Import;

/// <summary>Chooses the format of a file from its header line.</summary>
internal static class FormatDetector
{
    /// <summary>The Online Retail header, in order.</summary>
    public static readonly string[] OnlineRetailHeader =
        ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];

    /// <summary>The required columns of the generic format, in order.</summary>
    public static readonly string[] InteractionsRequired = ["user_id", "item_id", "timestamp"];

    /// <summary>The optional columns of the generic format, which may follow in this order.</summary>
    public static readonly string[] InteractionsOptional = ["event_type", "quantity", "value"];

    /// <summary>
    /// Accepted in place of <c>quantity</c>: rating and evaluation files (<c>user_id,item_id,timestamp,weight</c>) name
    /// their rating or count so, and it is stored as the event's quantity.
    /// </summary>
    public const string WeightColumn = "weight";

    /// <summary>A mapper for the header, or an exception that names the headers the importer knows.</summary>
    /// <exception cref="InvalidDataException">The header is none of the known ones.</exception>
    public static RowMapper Detect(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        if (names.Length == OnlineRetailHeader.Length && names.SequenceEqual(OnlineRetailHeader, StringComparer.OrdinalIgnoreCase))
            return new OnlineRetailMapper();
        if (TryInteractionColumns(names, out var columns)) return new InteractionsMapper(columns);
        throw new InvalidDataException(
            $"Unknown file format: the header is '{string.Join(',', names)}'. Expected either the Online Retail header " +
            $"'{string.Join(',', OnlineRetailHeader)}' or the interactions header " +
            $"'{string.Join(',', InteractionsRequired)}' followed by any of '{string.Join(',', InteractionsOptional)}' in that order ('{WeightColumn}' may stand for 'quantity').");
    }

    /// <summary>Matches <c>user_id,item_id,timestamp</c> then a subsequence of the optional columns, names without case.</summary>
    private static bool TryInteractionColumns(string[] names, out InteractionColumns columns)
    {
        columns = default;
        if (names.Length < InteractionsRequired.Length) return false;
        for (var i = 0; i < InteractionsRequired.Length; i++)
        {
            if (!names[i].Equals(InteractionsRequired[i], StringComparison.OrdinalIgnoreCase)) return false;
        }

        int[] found = [-1, -1, -1];
        var next = 0;
        var quantityName = "quantity";
        for (var i = InteractionsRequired.Length; i < names.Length; i++)
        {
            var name = names[i];
            if (name.Equals(WeightColumn, StringComparison.OrdinalIgnoreCase)) (name, quantityName) = ("quantity", WeightColumn);
            var at = Array.FindIndex(InteractionsOptional, next, o => o.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (at < 0) return false;
            found[at] = i;
            next = at + 1;
        }

        columns = new InteractionColumns(names.Length, found[0], found[1], found[2], quantityName);
        return true;
    }
}

/// <summary>Where the columns of a generic interactions file are; -1 for an absent optional column.</summary>
/// <param name="QuantityName">How the file names the quantity column (<c>quantity</c> or <c>weight</c>), for error messages.</param>
internal readonly record struct InteractionColumns(int Count, int EventType, int Quantity, int Value, string QuantityName = "quantity");
