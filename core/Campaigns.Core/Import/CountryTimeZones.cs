using System.Collections.Frozen;

namespace Campaigns.Import;

/// <summary>
/// The IANA time zone of a country as the Online Retail file names it. Countries with several zones get the zone of
/// their largest business centre (USA: New York, Canada: Toronto, Australia: Sydney, Brazil: São Paulo); unknown
/// names and "Unspecified" get UTC, the contract's value for "unknown".
/// </summary>
internal static class CountryTimeZones
{
    private static readonly FrozenDictionary<string, string> Zones = new Dictionary<string, string>
    {
        ["United Kingdom"] = "Europe/London",
        ["Germany"] = "Europe/Berlin",
        ["France"] = "Europe/Paris",
        ["EIRE"] = "Europe/Dublin",
        ["Spain"] = "Europe/Madrid",
        ["Netherlands"] = "Europe/Amsterdam",
        ["Belgium"] = "Europe/Brussels",
        ["Switzerland"] = "Europe/Zurich",
        ["Portugal"] = "Europe/Lisbon",
        ["Australia"] = "Australia/Sydney",
        ["Norway"] = "Europe/Oslo",
        ["Italy"] = "Europe/Rome",
        ["Channel Islands"] = "Europe/Jersey",
        ["Finland"] = "Europe/Helsinki",
        ["Cyprus"] = "Asia/Nicosia",
        ["Sweden"] = "Europe/Stockholm",
        ["Unspecified"] = "UTC",
        ["Austria"] = "Europe/Vienna",
        ["Denmark"] = "Europe/Copenhagen",
        ["Japan"] = "Asia/Tokyo",
        ["Poland"] = "Europe/Warsaw",
        ["Israel"] = "Asia/Jerusalem",
        ["USA"] = "America/New_York",
        ["Hong Kong"] = "Asia/Hong_Kong",
        ["Singapore"] = "Asia/Singapore",
        ["Iceland"] = "Atlantic/Reykjavik",
        ["Canada"] = "America/Toronto",
        ["Greece"] = "Europe/Athens",
        ["Malta"] = "Europe/Malta",
        ["United Arab Emirates"] = "Asia/Dubai",
        ["European Community"] = "Europe/Brussels",
        ["RSA"] = "Africa/Johannesburg",
        ["Lebanon"] = "Asia/Beirut",
        ["Lithuania"] = "Europe/Vilnius",
        ["Brazil"] = "America/Sao_Paulo",
        ["Czech Republic"] = "Europe/Prague",
        ["Bahrain"] = "Asia/Bahrain",
        ["Saudi Arabia"] = "Asia/Riyadh",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every country the map knows, with its zone.</summary>
    public static IReadOnlyDictionary<string, string> All => Zones;

    /// <summary>The zone of <paramref name="country"/>, or <c>UTC</c> when the country is unknown.</summary>
    public static string For(string country) => Zones.GetValueOrDefault(country.Trim(), "UTC");
}
