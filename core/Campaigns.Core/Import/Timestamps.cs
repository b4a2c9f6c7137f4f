using System.Buffers;
using System.Globalization;

namespace Campaigns.Import;

/// <summary>Reads the timestamps of the generic format: Unix seconds (integer or decimal) or ISO 8601.</summary>
internal static class Timestamps
{
    // A time without an offset is UTC (AssumeUniversal); 'K' takes Z, +01:00 or nothing, 'zzz' the +0100 form.
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd",
    ];

    private static readonly SearchValues<char> NumberChars = SearchValues.Create("0123456789.");

    private const decimal MinUnixSeconds = -62_135_596_800m; // 0001-01-01
    private const decimal MaxUnixSeconds = 253_402_300_799m; // 9999-12-31 23:59:59

    /// <summary>Parses <paramref name="text"/> as a UTC instant.</summary>
    public static bool TryParse(string text, out DateTimeOffset utc)
    {
        text = text.Trim();
        utc = default;
        if (text.Length == 0) return false;
        if (LooksNumeric(text))
        {
            const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
            if (!decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var seconds)) return false;
            if (seconds < MinUnixSeconds || seconds > MaxUnixSeconds) return false;
            utc = DateTimeOffset.UnixEpoch.AddTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond));
            return true;
        }

        if (!DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return false;
        utc = parsed.ToUniversalTime();
        return true;
    }

    /// <summary>Digits with an optional sign and decimal point; anything with '-' inside or 'T' or ':' is ISO.</summary>
    private static bool LooksNumeric(string text)
    {
        var digits = text.AsSpan(text[0] is '-' or '+' ? 1 : 0);
        return digits.Length > 0 && !digits.ContainsAnyExcept(NumberChars);
    }
}
