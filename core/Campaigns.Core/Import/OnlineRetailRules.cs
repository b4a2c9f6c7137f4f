using System.Collections.Frozen;
using System.Globalization;

namespace Campaigns.Import;

/// <summary>The conventions of the Online Retail export that are not visible in its header.</summary>
internal static class OnlineRetailRules
{
    /// <summary>
    /// Stock codes that are not products: postage (POST, DOT, C2), manual adjustments (M, D, S, B), bank and Amazon
    /// fees, the CRUK charity commission, and cushion pads sold at a token price. Their lines are skipped so that no
    /// recommender ever suggests postage. Gift vouchers (gift_0001_*) and the DCGS* codes are real goods and stay.
    /// </summary>
    public static readonly FrozenSet<string> NonProductCodes = new[]
    {
        "POST", "DOT", "C2", "M", "D", "S", "B", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"];

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>True for cancellation invoices, whose number starts with C.</summary>
    public static bool IsCancellation(string invoiceNo) => invoiceNo.StartsWith('C') || invoiceNo.StartsWith('c');

    /// <summary>
    /// Reads an InvoiceDate, which is UK wall-clock time, as a UTC instant. In the autumn hour that happens twice the
    /// later (GMT) instant is taken; a time in the spring gap is read as GMT, i.e. one hour later in BST. The shop
    /// had no orders at 1 a.m. on those two nights, so the choice never matters for this file.
    /// </summary>
    public static bool TryParseUkTime(string text, out DateTimeOffset utc)
    {
        if (!DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            utc = default;
            return false;
        }

        var offset = London.GetUtcOffset(local);
        utc = new DateTimeOffset(local - offset, TimeSpan.Zero);
        return true;
    }

    /// <summary>
    /// Normalises a CustomerID, which the export writes as a float (<c>17850.0</c>), to <c>17850</c>. Ids that are not
    /// numbers are kept as they are; a number with a fraction is no id.
    /// </summary>
    public static bool TryNormaliseCustomerId(string text, out string id)
    {
        id = text.Trim();
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return id.Length > 0;
        var whole = id.AsSpan(0, dot);
        var fraction = id.AsSpan(dot + 1);
        if (whole.IsEmpty || !IsDigits(whole)) return !whole.IsEmpty; // not a number: an id like "A.1" is kept
        if (!IsDigits(fraction) || fraction.ContainsAnyExcept('0')) return false;
        id = whole.ToString();
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');
}
